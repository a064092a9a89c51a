/**
 * Which samples train, validate and test a model (Section IV.C of the paper): {@link
 * io.auglove.models.protocol.Folds} makes k-fold cross-validation {@link
 * io.auglove.models.protocol.Fold}s, grouped by participant unless segment-level folds are asked
 * for, with a validation split inside each training part; {@link io.auglove.models.protocol.Split}
 * names the parts of a dataset that comes with fixed train, dev and test lists. Deterministic for a
 * seed.
 */
package io.auglove.models.protocol;
