package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Compares the {@code results.csv} of two evaluations. */
public final class ResultsCsv {

  private ResultsCsv() {}

  /**
   * Asserts the same rows (model, target, metric) with values and interval bounds within {@code
   * tolerance}: PyTorch's CPU kernels may differ in the last bits of a float from one memory layout
   * to another, so a BiLSTM's predictions agree to about 1e-6, not bit for bit.
   */
  public static void assertSameScores(String expected, String actual, double tolerance) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    assertEquals(a.size(), b.size(), "rows");
    for (int i = 0; i < a.size(); i++) {
      String[] x = a.get(i).split(",");
      String[] y = b.get(i).split(",");
      assertEquals(x.length, y.length, a.get(i));
      for (int f = 0; f < x.length; f++) {
        if (i == 0 || f < x.length - 3) {
          assertEquals(x[f], y[f], a.get(i));
        } else {
          assertEquals(Double.parseDouble(x[f]), Double.parseDouble(y[f]), tolerance, a.get(i));
        }
      }
    }
  }
}
