/**
 * How well predictions estimate targets (Section IV.C of the paper): {@link
 * io.auglove.models.metrics.Metric} computes PCC, |PCC|, RMSE and Lin's CCC, and {@link
 * io.auglove.models.metrics.Bootstrap} gives each a percentile confidence interval as an {@link
 * io.auglove.models.metrics.Estimate}, for one set of predictions or averaged over the random
 * baseline's draws. Plain Java, deterministic for a seed.
 */
package io.auglove.models.metrics;
