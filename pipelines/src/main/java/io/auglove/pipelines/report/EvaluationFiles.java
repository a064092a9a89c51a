package io.auglove.pipelines.report;

/** The names of the evaluation's files that its report reads. */
final class EvaluationFiles {

  /** Settings, data counts and every problem. */
  static final String EVALUATION = "evaluation.json";

  /** In each protocol's folder: every cell with its scores and each fold's or restart's figures. */
  static final String FOLDS = "folds.json";

  private EvaluationFiles() {}
}
