package io.auglove.models.kmeans;

import ai.djl.ndarray.NDArray;

/**
 * Work done on a chunk of rows while it is on the device, right after its nearest centres are
 * known: the centroid update of {@link CentroidUpdate#DEVICE} runs here, so that each chunk is
 * copied to the device once per iteration.
 */
@FunctionalInterface
interface ChunkVisitor {

  /**
   * Visits one chunk. Both arrays belong to the chunk's sub-manager and are closed when this
   * returns: anything kept must be copied into an array of another manager.
   *
   * @param chunk the rows, float32, rows x dimension
   * @param labels nearest centre of each row, int64, rows
   * @param firstRow index of the chunk's first row in the whole input
   */
  void visit(NDArray chunk, NDArray labels, int firstRow);
}
