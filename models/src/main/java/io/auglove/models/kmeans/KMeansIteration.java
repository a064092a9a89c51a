package io.auglove.models.kmeans;

/**
 * Progress of one Lloyd iteration: the centres were updated (and empty clusters re-seeded), then
 * every row was assigned to the new centres.
 *
 * @param k number of clusters
 * @param initialisation which of the fit's initialisations this iteration belongs to, from 1
 * @param iteration 1 for the first update after the k-means++ initialisation
 * @param inertia sum of squared distances from the rows to the new centres
 * @param meanDistance mean Euclidean distance from the rows to the new centres
 * @param reseededClusters clusters that were empty and took a new centre in this iteration
 * @param searchedRows rows whose nearest centre was searched for (all rows without bounds)
 * @param seconds wall-clock time of the iteration
 */
public record KMeansIteration(
    int k,
    int initialisation,
    int iteration,
    double inertia,
    double meanDistance,
    int reseededClusters,
    long searchedRows,
    double seconds) {}
