package io.auglove.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.metrics.Bootstrap;
import io.auglove.models.metrics.Estimate;
import io.auglove.models.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both ways of scoring cross-validation, and when an interval is given. */
class CellScoreTest {

  private static final Bootstrap BOOTSTRAP = new Bootstrap(1, 500);

  /** Fold {@code index} of a CV cell: one participant per test recording. */
  private static TaskResult fold(int index, double[] targets, double[] predictions) {
    List<String> ids = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      ids.add("r" + index + "-" + i);
      groups.add("p" + index + "-" + i);
    }
    return new TaskResult(
        new Task(Protocol.CV, "lstm-au", "dwell", index),
        null,
        ids,
        groups,
        targets,
        new double[][] {predictions},
        Double.NaN,
        20,
        5,
        1,
        "epoch 1 of 1",
        "cpu()",
        new double[] {0.5},
        new double[] {0.6});
  }

  @Test
  void aModelNearItsTrainingMeanGetsANegativePooledPccAndItsRankingPerFold() {
    // Each fold's predictions sit near the mean of the other fold's targets (its training data),
    // and rank the fold's own recordings correctly.
    CellScore cell =
        CellScore.of(
            List.of(
                fold(0, new double[] {1, 2, 3, 4, 5, 6}, new double[] {6, 6.1, 6.2, 6.3, 6.4, 6.5}),
                fold(
                    1,
                    new double[] {7, 8, 9, 10, 11, 12},
                    new double[] {3, 3.1, 3.2, 3.3, 3.4, 3.5})),
            BOOTSTRAP);

    assertEquals(1, cell.estimate(Scoring.FOLD_MEAN, Metric.PCC).value(), 1e-12);
    double pooled = cell.estimate(Scoring.POOLED, Metric.PCC).value();
    assertEquals(
        Metric.PCC.of(
            new double[] {6, 6.1, 6.2, 6.3, 6.4, 6.5, 3, 3.1, 3.2, 3.3, 3.4, 3.5},
            new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
        pooled,
        1e-12);
    assertTrue(pooled < -0.8, "pooled PCC " + pooled);
    // RMSE per fold: fold 0's errors 5, 4.1, ..., 1.5; the mean of the two folds' RMSEs.
    double fold0 =
        Metric.RMSE.of(new double[] {6, 6.1, 6.2, 6.3, 6.4, 6.5}, new double[] {1, 2, 3, 4, 5, 6});
    double fold1 =
        Metric.RMSE.of(
            new double[] {3, 3.1, 3.2, 3.3, 3.4, 3.5}, new double[] {7, 8, 9, 10, 11, 12});
    assertEquals((fold0 + fold1) / 2, cell.estimate(Scoring.FOLD_MEAN, Metric.RMSE).value(), 1e-12);
    assertEquals(12, cell.participants());
    for (Scoring scoring : Scoring.values()) {
      Estimate rmse = cell.estimate(scoring, Metric.RMSE);
      assertTrue(
          rmse.ciLow() <= rmse.value() && rmse.value() <= rmse.ciHigh(), scoring + ": " + rmse);
    }
  }

  @Test
  void belowTenTestParticipantsNoIntervalIsGiven() {
    CellScore few =
        CellScore.of(
            List.of(
                fold(0, new double[] {1, 2, 3}, new double[] {1.5, 2, 2.5}),
                fold(1, new double[] {4, 5, 6}, new double[] {4, 5.5, 5})),
            BOOTSTRAP);
    CellScore enough =
        CellScore.of(
            List.of(
                fold(0, new double[] {1, 2, 3, 4, 5}, new double[] {1.5, 2, 2.5, 4, 4.5}),
                fold(1, new double[] {4, 5, 6, 7, 8}, new double[] {4, 5.5, 5, 7.5, 7})),
            BOOTSTRAP);

    assertEquals(6, few.participants());
    assertTrue(few.intervalsNotEstimable());
    for (Scoring scoring : Scoring.values()) {
      Estimate pcc = few.estimate(scoring, Metric.PCC);
      assertTrue(pcc.defined() && !pcc.intervalDefined(), scoring + ": " + pcc);
    }
    assertEquals(10, enough.participants());
    assertFalse(enough.intervalsNotEstimable());
    assertTrue(enough.estimate(Scoring.FOLD_MEAN, Metric.PCC).intervalDefined());
  }
}
