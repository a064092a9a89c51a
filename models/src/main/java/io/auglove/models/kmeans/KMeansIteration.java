package io.auglove.models.kmeans;

/**
 * Progress of one Lloyd iteration: the centres were updated (and empty clusters re-seeded), then
 * every row was assigned to the new centres.
 *
 * @param k number of clusters
 * @param iteration 1 for the first update after the k-means++ initialisation
 * @param inertia sum of squared distances from the rows to the new centres
 * @param meanDistance mean Euclidean distance from the rows to the new centres
 * @param reseededClusters clusters that were empty and took a new centre in this iteration
 * @param seconds wall-clock time of the iteration
 */
public record KMeansIteration(
    int k,
    int iteration,
    double inertia,
    double meanDistance,
    int reseededClusters,
    double seconds) {}
