/**
 * Portable Beam transforms of the method, in pipeline order: {@link
 * io.auglove.transforms.ReadOpenFace}, {@link io.auglove.transforms.FilterConfidence}, {@link
 * io.auglove.transforms.Downsample5fps}, {@link io.auglove.transforms.KMeansFit}, {@link
 * io.auglove.transforms.AssignCluster}, {@link io.auglove.transforms.WindowCooccur} and {@link
 * io.auglove.transforms.GloveFit}. None of them knows which runner runs it, holds static mutable
 * state or assumes a single worker.
 */
package io.auglove.transforms;
