package io.auglove.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Checks the planted dynamics on latent traces (no files): each score moves its own aspect,
 * monotonically and by the documented amount, and nothing else; no score moves the stationary
 * distribution or the per-AU frame means; the control score moves nothing at all.
 *
 * <p>Tolerances are set from the sampling spread: over 8 replicates with other streams, the largest
 * difference between two conditions was about half of each tolerance used here.
 */
class PlantedDynamicsTest {

  private static final CorpusSpec SPEC = CorpusSpec.defaults();
  private static final VideoSimulator SIMULATOR = VideoSimulator.forSpec(SPEC);
  private static final ExpressionPrototypes PROTOTYPES = SIMULATOR.prototypes();
  private static final double FPS = 25;

  /** What the tests measure on the latent traces of several videos with the same scores. */
  private static final class Measured {
    double meanDwellSeconds;
    double dwellCoefficientOfVariation;
    double forwardFraction;
    final double[] occupancy = new double[PROTOTYPES.stateCount()];
  }

  private static Measured measure(Scores scores, int videos, int frames) {
    Measured m = new Measured();
    double sum = 0;
    double sumSquares = 0;
    long dwells = 0;
    long forward = 0;
    long backward = 0;
    for (int v = 0; v < videos; v++) {
      LatentTrace trace = SIMULATOR.latent(scores, FPS, frames, 10_000 + v);
      int lastExpression = -1;
      for (int s = 0; s < trace.segmentCount(); s++) {
        if (!trace.isCensored(s)) {
          double seconds = trace.segmentLength(s) / FPS;
          sum += seconds;
          sumSquares += seconds * seconds;
          dwells++;
        }
        int state = trace.segmentState(s);
        if (state == ExpressionPrototypes.NEUTRAL) {
          continue;
        }
        if (lastExpression >= 0) {
          if (state == PROTOTYPES.successor(lastExpression)) {
            forward++;
          } else if (state == PROTOTYPES.predecessor(lastExpression)) {
            backward++;
          }
        }
        lastExpression = state;
      }
      for (int f = 0; f < frames; f++) {
        m.occupancy[trace.state(f)] += 1.0 / ((double) videos * frames);
      }
    }
    m.meanDwellSeconds = sum / dwells;
    double variance = sumSquares / dwells - m.meanDwellSeconds * m.meanDwellSeconds;
    m.dwellCoefficientOfVariation = Math.sqrt(variance) / m.meanDwellSeconds;
    m.forwardFraction = forward / (double) (forward + backward);
    return m;
  }

  private static Measured[] byLevel(IntFunction<Scores> scores) {
    Measured[] measured = new Measured[Scores.MAX + 1];
    for (int level = Scores.MIN; level <= Scores.MAX; level++) {
      measured[level] = measure(scores.apply(level), 24, 15_000);
    }
    return measured;
  }

  @Test
  void meanDwellGrowsWithTheDwellScore() {
    Measured[] m = byLevel(level -> Scores.middle().withDwell(level));
    for (int level = Scores.MIN; level <= Scores.MAX; level++) {
      double expected = PlantedDynamics.meanDwellSeconds(level);
      assertEquals(expected, m[level].meanDwellSeconds, 0.03 * expected, "dwell " + level);
      if (level > Scores.MIN) {
        assertTrue(m[level].meanDwellSeconds > m[level - 1].meanDwellSeconds, "dwell " + level);
      }
    }
    assertTrue(m[7].meanDwellSeconds > 3.5 * m[1].meanDwellSeconds);
  }

  @Test
  void forwardFractionFallsWithTheOrderScore() {
    Measured[] m = byLevel(level -> Scores.middle().withOrder(level));
    for (int level = Scores.MIN; level <= Scores.MAX; level++) {
      double expected =
          PlantedDynamics.expectedForwardFraction(
              level, SPEC.jumpProbability(), SPEC.expressionCount());
      assertEquals(expected, m[level].forwardFraction, 0.02, "order " + level);
      if (level > Scores.MIN) {
        assertTrue(m[level].forwardFraction < m[level - 1].forwardFraction, "order " + level);
      }
    }
    assertTrue(m[1].forwardFraction > 0.8 && m[7].forwardFraction < 0.2);
  }

  @Test
  void dwellVariationGrowsWithTheRegularityScore() {
    Measured[] m = byLevel(level -> Scores.middle().withRegularity(level));
    for (int level = Scores.MIN; level <= Scores.MAX; level++) {
      double expected = PlantedDynamics.dwellCoefficientOfVariation(level);
      assertEquals(
          expected, m[level].dwellCoefficientOfVariation, 0.05 * expected, "regularity " + level);
      if (level > Scores.MIN) {
        assertTrue(
            m[level].dwellCoefficientOfVariation > m[level - 1].dwellCoefficientOfVariation,
            "regularity " + level);
      }
    }
  }

  @Test
  void eachScoreMovesOnlyItsOwnAspect() {
    Measured shortDwell = measure(Scores.middle().withDwell(1), 24, 15_000);
    Measured longDwell = measure(Scores.middle().withDwell(7), 24, 15_000);
    assertEquals(shortDwell.forwardFraction, longDwell.forwardFraction, 0.02);
    assertEquals(
        shortDwell.dwellCoefficientOfVariation, longDwell.dwellCoefficientOfVariation, 0.03);

    Measured forwards = measure(Scores.middle().withOrder(1), 24, 15_000);
    Measured backwards = measure(Scores.middle().withOrder(7), 24, 15_000);
    assertEquals(forwards.meanDwellSeconds, backwards.meanDwellSeconds, 0.02 * 1.225);
    assertEquals(forwards.dwellCoefficientOfVariation, backwards.dwellCoefficientOfVariation, 0.03);

    Measured regular = measure(Scores.middle().withRegularity(1), 24, 15_000);
    Measured irregular = measure(Scores.middle().withRegularity(7), 24, 15_000);
    assertEquals(regular.meanDwellSeconds, irregular.meanDwellSeconds, 0.02 * 1.225);
    assertEquals(regular.forwardFraction, irregular.forwardFraction, 0.02);
  }

  @Test
  void stationaryDistributionIsTheSameForEveryScore() {
    double neutral = SPEC.neutralProbability() / (1 + SPEC.neutralProbability());
    double expression = (1 - neutral) / SPEC.expressionCount();
    Measured reference = measure(Scores.middle(), 40, 75_000);
    for (int s = 0; s < PROTOTYPES.stateCount(); s++) {
      double expected = s == ExpressionPrototypes.NEUTRAL ? neutral : expression;
      assertEquals(expected, reference.occupancy[s], 0.01, "occupancy of state " + s);
    }
    Scores[] others = {
      Scores.middle().withDwell(1), Scores.middle().withDwell(7),
      Scores.middle().withOrder(1), Scores.middle().withOrder(7),
      Scores.middle().withRegularity(1), Scores.middle().withRegularity(7),
    };
    for (Scores scores : others) {
      Measured m = measure(scores, 40, 75_000);
      for (int s = 0; s < PROTOTYPES.stateCount(); s++) {
        assertEquals(
            reference.occupancy[s], m.occupancy[s], 0.012, scores + ", occupancy of state " + s);
      }
    }
  }

  @Test
  void perAuFrameMeansDoNotDependOnOrderOrRegularity() {
    // At the shortest dwell, a frame budget holds the most visits, so the estimate is tightest.
    Scores base = Scores.middle().withDwell(1);
    Scores[] conditions = {
      base, base.withOrder(1), base.withOrder(7), base.withRegularity(1), base.withRegularity(7)
    };
    double[][] means = new double[conditions.length][];
    for (int c = 0; c < conditions.length; c++) {
      means[c] = auMeans(conditions[c], ParticipantNuisance.none());
    }
    double tolerance = 0.06;
    for (int c = 1; c < conditions.length; c++) {
      for (int a = 0; a < ActionUnits.COUNT; a++) {
        assertEquals(
            means[0][a],
            means[c][a],
            tolerance,
            conditions[c] + ", mean of " + ActionUnits.intensityColumn(a));
      }
    }
    // The tolerance is tight enough to see a change of expressiveness that is not even large.
    double[] expressive =
        auMeans(base, ParticipantNuisance.of(new double[ActionUnits.COUNT], 1.25));
    double largest = 0;
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      largest = Math.max(largest, Math.abs(expressive[a] - means[0][a]));
    }
    assertTrue(largest > 2 * tolerance, "a gain of 1.25 moves some AU mean by " + largest);
  }

  private static double[] auMeans(Scores scores, ParticipantNuisance nuisance) {
    int videos = 20;
    int frames = 30_000;
    double[] means = new double[ActionUnits.COUNT];
    for (int v = 0; v < videos; v++) {
      LatentTrace trace = SIMULATOR.latent(scores, FPS, frames, 20_000 + v);
      for (double[] frame : SIMULATOR.intensities(trace, nuisance, 20_000 + v)) {
        for (int a = 0; a < ActionUnits.COUNT; a++) {
          means[a] += frame[a] / ((double) videos * frames);
        }
      }
    }
    return means;
  }

  @Test
  void theControlScoreChangesNothing() {
    ParticipantNuisance nuisance = ParticipantNuisance.of(new double[ActionUnits.COUNT], 1.1);
    for (int v = 0; v < 3; v++) {
      Scores reference = new Scores(2, 6, 3, 4);
      LatentTrace expected = SIMULATOR.latent(reference, 30, 3_000, v);
      double[][] expectedAus = SIMULATOR.intensities(expected, nuisance, v);
      for (int control = Scores.MIN; control <= Scores.MAX; control++) {
        LatentTrace trace = SIMULATOR.latent(reference.withControl(control), 30, 3_000, v);
        assertArrayEquals(expected.states(), trace.states(), "control " + control);
        assertArrayEquals(
            expectedAus, SIMULATOR.intensities(trace, nuisance, v), "control " + control);
      }
    }
    Measured low = measure(Scores.middle().withControl(1), 24, 15_000);
    Measured high = measure(Scores.middle().withControl(7), 24, 15_000);
    assertEquals(low.meanDwellSeconds, high.meanDwellSeconds);
    assertEquals(low.forwardFraction, high.forwardFraction);
    assertEquals(low.dwellCoefficientOfVariation, high.dwellCoefficientOfVariation);
    assertArrayEquals(low.occupancy, high.occupancy);
  }

  @Test
  void mappingsAreMonotoneAndSpanTheDocumentedRanges() {
    assertEquals(0.6, PlantedDynamics.meanDwellSeconds(1), 1e-12);
    assertEquals(2.5, PlantedDynamics.meanDwellSeconds(7), 1e-12);
    assertEquals(0.85, PlantedDynamics.forwardProbability(1), 1e-12);
    assertEquals(0.5, PlantedDynamics.forwardProbability(4), 1e-12);
    assertEquals(0.15, PlantedDynamics.forwardProbability(7), 1e-12);
    assertEquals(16, PlantedDynamics.dwellShape(1), 1e-12);
    assertEquals(1, PlantedDynamics.dwellShape(7), 1e-12);
    assertEquals(0.85, PlantedDynamics.dwellCoefficientOfVariation(7), 1e-12);
  }
}
