/**
 * Euclidean k-means over AU frames: the vocabulary of facial expressions.
 *
 * <p>{@link io.auglove.models.kmeans.KMeans} fits the centres (k-means++ initialisation, Lloyd
 * iterations whose assignment and centroid update run as DJL NDArray operations), {@link
 * io.auglove.models.kmeans.NearestCentroid} assigns frames to the centres of a vocabulary, and
 * {@link io.auglove.models.kmeans.Elbow} suggests k from an elbow sweep.
 */
package io.auglove.models.kmeans;
