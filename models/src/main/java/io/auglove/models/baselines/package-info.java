/**
 * Baselines that the paper's models are compared with (Section IV.B-C): {@link
 * io.auglove.models.baselines.RandomBaseline} draws predictions from the training labels.
 */
package io.auglove.models.baselines;
