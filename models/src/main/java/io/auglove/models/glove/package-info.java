/**
 * GloVe embeddings of the vocabulary's tokens, learned from their co-occurrence counts (Section
 * III.C of the paper; Pennington, Socher and Manning, "GloVe: Global Vectors for Word
 * Representation", EMNLP 2014).
 *
 * <p>{@link io.auglove.models.glove.Cooccurrences} holds the sparse counts, {@link
 * io.auglove.models.glove.Glove} trains, {@link io.auglove.models.glove.GloveModel} holds the
 * learned vectors and computes the loss, {@link io.auglove.models.glove.GloveResult} pairs a model
 * with its loss per epoch. Plain Java, sequential and deterministic for a seed.
 */
package io.auglove.models.glove;
