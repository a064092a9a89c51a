package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auglove.models.glove.Cooccurrences;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GloveFiguresTest {

  @Test
  void theCountsAreSymmetricWindowCountsWithinSequences() {
    Cooccurrences x = GloveFigures.counts(50, 2_000, 1);
    Map<Long, Double> cells = new HashMap<>();
    double total = 0;
    for (int n = 0; n < x.size(); n++) {
      cells.put((long) x.row(n) * 50 + x.column(n), x.value(n));
      total += x.value(n);
    }
    for (int n = 0; n < x.size(); n++) {
      assertEquals(x.value(n), cells.get((long) x.column(n) * 50 + x.row(n)), "symmetric");
    }
    // 4 sequences of 500 tokens: token t pairs with min(t, 10) earlier ones, 10 * 500 - 55 = 4,945
    // pairs per sequence, each counted in both cells
    assertEquals(4 * 4_945 * 2, total, 1e-9);
  }

  @Test
  void theRateComesFromTheMedianEpochAfterTheFirst() {
    assertEquals(2.0, GloveFigures.laterEpochMedian(List.of(100.0, 3.0, 1.0, 2.0)), 0);
    assertEquals(5.0, GloveFigures.laterEpochMedian(List.of(5.0)), 0);
  }
}
