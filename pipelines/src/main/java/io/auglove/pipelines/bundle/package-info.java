/**
 * The vocabulary bundle: its files, how they are written from a pipeline (local paths or {@code
 * gs://}), and how published centres and counts are read back.
 */
package io.auglove.pipelines.bundle;
