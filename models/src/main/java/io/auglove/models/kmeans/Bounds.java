package io.auglove.models.kmeans;

/**
 * Whether Lloyd's assignment step skips distance computations with bounds. Both give the Lloyd
 * iterations of the same start; they differ in speed and in how near-ties are broken (see each).
 */
public enum Bounds {
  /** {@link #HAMERLY} on a CPU, {@link #NONE} on a GPU, where the full product is cheap. */
  AUTO,
  /**
   * Exact accelerated Lloyd in plain Java ({@link BoundedNearest}): Hamerly's bounds with an
   * annular search by centre norm. After the first iterations most rows keep their centre with no
   * distance computed. Nearest by the float distance Σ(x − c)² summed in dimension order, ties to
   * the lowest centre id. The centroid update then runs on the host whatever {@link CentroidUpdate}
   * says.
   */
  HAMERLY,
  /**
   * Every row against every centre in each iteration, as one matrix product per chunk on the DJL
   * device ({@link NearestCentroid}): nearest by the expanded float32 form, which can break a tie
   * closer than about 1e-4 of a squared distance either way.
   */
  NONE
}
