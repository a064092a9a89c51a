/**
 * Benchmarks that the {@code bench-train} command runs: the BiLSTM's training speed against the
 * same model in PyTorch. Not part of the models: nothing else uses them.
 */
package io.auglove.pipelines.bench;
