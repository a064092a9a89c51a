/**
 * Fixed-length descriptions of a whole recording, computed from its AU intensities, for the paper's
 * baselines (Section IV): {@link io.auglove.models.features.StaticFeatures} (per-AU mean, standard
 * deviation and mean first difference) for the linear regression and {@link
 * io.auglove.models.features.DynamicFeatures} (the continuous dynamic model of Tron et al. 2015)
 * for the SVR. Features that compare neighbouring frames never compare across a sequence boundary.
 */
package io.auglove.models.features;
