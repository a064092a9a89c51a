package io.auglove.models.kmeans;

import io.auglove.models.Centroids;

/**
 * What a {@link KMeans} fit found: the centres, the final assignment of the input rows to them, and
 * how the fit went.
 *
 * <p>The labels, distances, sizes, inertia and mean distance all come from one assignment of the
 * input rows to the returned centres. A centre that received no row in it is returned as an empty
 * centre of {@link Centroids} (this happens only when the data hold fewer distinct points than k).
 * Immutable: arrays are returned as copies.
 */
public final class KMeansResult {

  private final Centroids centroids;
  private final Assignment assignment;
  private final long[] clusterSizes;
  private final int iterations;
  private final boolean converged;
  private final double[] inertiaHistory;

  KMeansResult(
      Centroids centroids,
      Assignment assignment,
      long[] clusterSizes,
      int iterations,
      boolean converged,
      double[] inertiaHistory) {
    this.centroids = centroids;
    this.assignment = assignment;
    this.clusterSizes = clusterSizes;
    this.iterations = iterations;
    this.converged = converged;
    this.inertiaHistory = inertiaHistory;
  }

  /** The k centres, in cluster-id order. */
  public Centroids centroids() {
    return centroids;
  }

  /** The final assignment of the input rows, in input order. */
  public Assignment assignment() {
    return assignment;
  }

  /** A copy of each input row's cluster id. */
  public int[] labels() {
    return assignment.labels();
  }

  /** A copy of each input row's Euclidean distance to its centre. */
  public float[] distances() {
    return assignment.distances();
  }

  /** A copy of the number of input rows in each cluster. */
  public long[] clusterSizes() {
    return clusterSizes.clone();
  }

  /** Sum of squared distances from the rows to their centres. */
  public double inertia() {
    return assignment.inertia();
  }

  /** Mean Euclidean distance from the rows to their centres: the elbow metric. */
  public double meanDistance() {
    return assignment.meanDistance();
  }

  /** Number of Lloyd iterations run (centre updates after the initialisation). */
  public int iterations() {
    return iterations;
  }

  /**
   * Whether the relative decrease of inertia fell below the tolerance before the last iteration.
   */
  public boolean converged() {
    return converged;
  }

  /**
   * A copy of the inertia after each iteration, first iteration first; length {@link #iterations}.
   */
  public double[] inertiaHistory() {
    return inertiaHistory.clone();
  }

  @Override
  public String toString() {
    return "KMeansResult{k="
        + centroids.k()
        + ", inertia="
        + inertia()
        + ", meanDistance="
        + meanDistance()
        + ", iterations="
        + iterations
        + ", converged="
        + converged
        + "}";
  }
}
