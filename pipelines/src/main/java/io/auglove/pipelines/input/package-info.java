/** The input of every pipeline: an {@code --input} turned into the OpenFace files to read. */
package io.auglove.pipelines.input;
