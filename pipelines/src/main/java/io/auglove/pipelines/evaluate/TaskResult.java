package io.auglove.pipelines.evaluate;

import java.util.List;

/**
 * What one training gave: its test samples' ids, participants, targets and predictions (one set per
 * draw; many only for the random baseline), the validation CCC the fixed protocol chooses by, its
 * duration and what it chose on its validation samples, and for a BiLSTM the training and
 * validation loss after each epoch; or why it could not run.
 *
 * @param error null if it ran
 * @param choice what the fit chose on the validation samples (hyper-parameters, the epoch), in
 *     words; empty when it chose nothing
 * @param device the device a BiLSTM ran on ({@code cpu()}, {@code gpu(0)}); empty for the other
 *     models
 * @param trainLoss a BiLSTM's training loss after each epoch; empty for the other models
 * @param validationLoss a BiLSTM's validation loss after each epoch (NaN without validation)
 */
public record TaskResult(
    Task task,
    String error,
    List<String> testIds,
    List<String> testGroups,
    double[] testTargets,
    double[][] testDraws,
    double validationCcc,
    int trainSize,
    int validationSize,
    double seconds,
    String choice,
    String device,
    double[] trainLoss,
    double[] validationLoss) {

  /** A task that could not run, and why. */
  public static TaskResult failed(Task task, String error) {
    return new TaskResult(
        task,
        error,
        List.of(),
        List.of(),
        new double[0],
        new double[][] {new double[0]},
        Double.NaN,
        0,
        0,
        0,
        "",
        "",
        new double[0],
        new double[0]);
  }

  public boolean ok() {
    return error == null;
  }
}
