package io.auglove.pipelines.generate;

/** The evaluation split a participant belongs to; all of a participant's videos share it. */
public enum Split {
  /** About 60% of participants: what models are fitted on. */
  TRAIN("train"),
  /** About 20% of participants: for choosing hyper-parameters and restarts. */
  DEV("dev"),
  /** About 20% of participants: for the reported scores. */
  TEST("test");

  private final String label;

  Split(String label) {
    this.label = label;
  }

  /** The value written in the {@code split} column of {@code labels.csv}. */
  public String label() {
    return label;
  }
}
