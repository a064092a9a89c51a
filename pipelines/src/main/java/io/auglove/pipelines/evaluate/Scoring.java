package io.auglove.pipelines.evaluate;

/**
 * How a cross-validation's test predictions become one score per metric. Each is biased in its own
 * way, so the tables show both.
 */
public enum Scoring {
  /**
   * The test predictions of every fold pooled and scored once. A model that predicts about its
   * training fold's mean gets a negative PCC: each fold's mean moves against the fold's held-out
   * targets.
   */
  POOLED("pooled test predictions", ""),

  /**
   * The mean over folds of each fold's own scores (the paper's "average scores from a 10-fold
   * cross-validation"). Each fold's PCC rests on a handful of test recordings: noisy, and a fold
   * whose targets are all equal has none.
   */
  FOLD_MEAN("mean of per-fold scores", "-fold-mean");

  private final String description;
  private final String fileSuffix;

  Scoring(String description, String fileSuffix) {
    this.description = description;
    this.fileSuffix = fileSuffix;
  }

  /** What the scores are, for titles: {@code pooled test predictions}. */
  public String description() {
    return description;
  }

  /** {@code name} with the scoring's suffix before the extension: {@code table-fold-mean.csv}. */
  String file(String name) {
    int dot = name.lastIndexOf('.');
    return name.substring(0, dot) + fileSuffix + name.substring(dot);
  }
}
