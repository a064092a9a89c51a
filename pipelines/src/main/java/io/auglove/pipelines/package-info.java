/**
 * The runnable pipelines (vocabulary), the synthetic corpus generator, and the {@code ./auglove}
 * command line.
 */
package io.auglove.pipelines;
