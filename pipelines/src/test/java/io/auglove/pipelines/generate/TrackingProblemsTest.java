package io.auglove.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Checks the planned tracking problems over many videos, without files. */
class TrackingProblemsTest {

  @Test
  void fiveToTenPercentOfFramesAreAffectedAndEpisodesAreSeparated() {
    int dropouts = 0;
    int[] kinds = new int[5];
    for (int v = 0; v < 300; v++) {
      Rng rng = Rng.derive(0, RngStream.TRACKING, v);
      double fps = new double[] {25, 29.97, 30, 60}[v % 4];
      int frames = (int) Math.round((60 + v % 61) * fps);
      TrackingProblems plan = TrackingProblems.plan(frames, fps, rng);
      double fraction = plan.affectedFrames() / (double) frames;
      assertTrue(fraction >= 0.045 && fraction <= 0.1005, "video " + v + ": " + fraction);
      dropouts += plan.dropouts();

      int longestLost = 0;
      int run = 0;
      int dropoutRun = 0;
      for (int f = 0; f < frames; f++) {
        byte kind = plan.kind(f);
        kinds[kind]++;
        run = kind == TrackingProblems.GOOD ? 0 : run + 1;
        dropoutRun = kind == TrackingProblems.DROPOUT ? dropoutRun + 1 : 0;
        if (dropoutRun == 0) {
          longestLost = Math.max(longestLost, run);
        }
        if (dropoutRun > 0) {
          assertTrue(
              f == 0
                  || plan.kind(f - 1) == TrackingProblems.DROPOUT
                  || plan.kind(f - 1) == TrackingProblems.GOOD,
              "a dropout is its own episode");
        }
      }
      // Apart from dropouts, no run of affected frames reaches 2 s (LOW bursts are at most 1.5 s,
      // failures at most 1 s plus two flanking frames each side).
      assertTrue(longestLost / fps < 2.0, "video " + v + " has a run of " + longestLost);
    }
    assertTrue(
        dropouts > 90 && dropouts < 210, "about half the videos have a dropout: " + dropouts);
    for (int kind = 1; kind < kinds.length; kind++) {
      assertTrue(kinds[kind] > 0, "kind " + kind + " occurs");
    }
  }

  @Test
  void dropoutsLastLongerThanTwoSeconds() {
    for (int v = 0; v < 200; v++) {
      TrackingProblems plan =
          TrackingProblems.plan(90 * 30, 30, Rng.derive(1, RngStream.TRACKING, v));
      int run = 0;
      for (int f = 0; f <= 90 * 30; f++) {
        if (f < 90 * 30 && plan.kind(f) == TrackingProblems.DROPOUT) {
          run++;
        } else if (run > 0) {
          assertTrue(run / 30.0 >= TrackingProblems.SHORTEST_DROPOUT_SECONDS, "run " + run);
          run = 0;
        }
      }
    }
  }

  @Test
  void rowsAreDegradedAsPlanned() {
    TrackingProblems plan = TrackingProblems.plan(3000, 25, Rng.derive(4, RngStream.TRACKING, 0));
    FrameValues values = new FrameValues();
    for (int f = 0; f < 3000; f++) {
      Arrays.fill(values.intensity, 1.5);
      Arrays.fill(values.gaze, 0.3);
      Arrays.fill(values.occurrence, true);
      plan.apply(f, values);
      switch (plan.kind(f)) {
        case TrackingProblems.GOOD -> {
          assertTrue(values.success);
          assertTrue(values.confidence >= 0.9 && values.confidence <= 0.98);
          assertEquals(1.5, values.intensity[0]);
        }
        case TrackingProblems.LOW_CONFIDENCE -> {
          assertTrue(values.success);
          assertTrue(values.confidence >= 0.5 && values.confidence <= 0.89);
          assertEquals(0.3, values.gaze[0]);
        }
        case TrackingProblems.LOST_NOISY -> {
          assertTrue(!values.success && values.confidence <= 0.3);
          assertEquals(0, values.gaze[0]);
          assertTrue(Arrays.stream(values.intensity).anyMatch(x -> x > 0));
        }
        default -> {
          assertTrue(!values.success && values.confidence <= 0.3);
          assertEquals(0, values.gaze[7]);
          assertEquals(0, Arrays.stream(values.intensity).sum());
          for (int c = 0; c < ActionUnits.COUNT + 1; c++) {
            assertTrue(!values.occurrence[c]);
          }
        }
      }
    }
  }

  @Test
  void noProblemsMeansEveryFrameIsGood() {
    TrackingProblems plan = TrackingProblems.none(500, Rng.derive(0, RngStream.TRACKING, 0));
    assertEquals(0, plan.affectedFrames());
    FrameValues values = new FrameValues();
    for (int f = 0; f < 500; f++) {
      plan.apply(f, values);
      assertTrue(values.success && values.confidence >= 0.9);
    }
  }
}
