/**
 * What every downstream model shares: the labelled {@link io.auglove.models.regression.Sample}, the
 * {@link io.auglove.models.regression.Regressor} and {@link io.auglove.models.regression.Predictor}
 * contract, and target scaling.
 */
package io.auglove.models.regression;
