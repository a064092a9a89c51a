/**
 * Reading OpenFace 2.x CSV output: header resolution, a fast row parser that looks only at the
 * columns the method needs, and a file reader that splits a file into face tracks and rejected
 * rows. Plain Java; {@link io.auglove.transforms.ReadOpenFace} runs it in a pipeline.
 */
package io.auglove.transforms.openface;
