package io.auglove.pipelines.evaluate;

import java.util.Locale;

/** How samples are split into training, validation and test data. */
public enum Protocol {
  /**
   * k-fold cross-validation with a validation split inside each training fold; test predictions of
   * all folds are pooled.
   */
  CV,
  /** The labels' fixed train/dev/test split; of N restarts the one with the best dev CCC counts. */
  FIXED;

  /** The name in options, folders and files: {@code cv} or {@code fixed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
