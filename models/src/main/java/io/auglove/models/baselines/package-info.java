/**
 * The baselines the paper's models are compared with (Section IV): {@link
 * io.auglove.models.baselines.RandomBaseline}, which draws predictions from the training labels;
 * {@link io.auglove.models.baselines.StaticLinearRegression}, ordinary least squares on the static
 * features; and {@link io.auglove.models.baselines.DynamicSvr}, support vector regression on the
 * continuous dynamic model's features with C and the kernel chosen on the validation samples.
 */
package io.auglove.models.baselines;
