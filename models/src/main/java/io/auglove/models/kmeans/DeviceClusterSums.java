package io.auglove.models.kmeans;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.common.annotations.VisibleForTesting;
import io.auglove.models.TorchEngine;

/**
 * The {@link CentroidUpdate#DEVICE} update: sums each cluster's rows on the device, one chunk at a
 * time, as onehot(labels)<sup>T</sup> x chunk.
 *
 * <p>Each chunk's product is taken in float32 (a chunk holds at most a few thousand rows, so its
 * sums lose about 1e-7 relative) and added to a float64 k x dimension total, so that rounding does
 * not grow with the number of chunks. A float64 product would cost about 60% more per chunk on a
 * CPU for no visible gain.
 */
final class DeviceClusterSums implements ChunkVisitor, AutoCloseable {

  private final int k;
  private final int dimension;
  private final NDManager manager;
  private final NDArray sums;

  DeviceClusterSums(Device device, int k, int dimension) {
    this.k = k;
    this.dimension = dimension;
    TorchEngine.prepareThread();
    this.manager = NDManager.newBaseManager(device);
    this.sums = manager.zeros(new Shape(k, dimension), DataType.FLOAT64);
  }

  @Override
  public void visit(NDArray chunk, NDArray labels, int firstRow) {
    NDArray chunkSums = labels.oneHot(k).transpose().matMul(chunk);
    sums.addi(chunkSums.toType(DataType.FLOAT64, false));
  }

  /** The totals so far, with the number of rows in each cluster. */
  ClusterSums toClusterSums(long[] counts) {
    return ClusterSums.of(dimension, sums.toDoubleArray(), counts);
  }

  /** Arrays alive on this instance's manager: 1, the total. */
  @VisibleForTesting
  int managedArrayCount() {
    return manager.getManagedArrays().size();
  }

  @Override
  public void close() {
    manager.close();
  }
}
