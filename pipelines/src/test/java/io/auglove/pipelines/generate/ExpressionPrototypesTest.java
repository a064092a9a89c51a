package io.auglove.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionPrototypesTest {

  private static final int BLINK = ActionUnits.NAMES.indexOf("AU45");

  @ParameterizedTest
  @CsvSource({"0, 12, 4", "1, 12, 3", "2, 30, 5", "3, 3, 3"})
  void expressionsAreSparseDistinctAndNeutralIsNearZero(long seed, int expressions, int cycle) {
    ExpressionPrototypes prototypes = prototypes(seed, expressions, cycle);
    assertEquals(expressions + 1, prototypes.stateCount());
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      double v = prototypes.intensity(ExpressionPrototypes.NEUTRAL, a);
      assertTrue(v >= 0 && v <= 0.25, "neutral AU " + a + " = " + v);
    }
    Set<String> seen = new HashSet<>();
    for (int s = 1; s < prototypes.stateCount(); s++) {
      double[] x = prototypes.intensities(s);
      int active = 0;
      for (double v : x) {
        if (v > 0) {
          active++;
          assertTrue(v >= 0.5 && v <= 4, "state " + s + " intensity " + v);
        }
      }
      assertTrue(active >= 1 && active <= 4, "state " + s + " has " + active + " active AUs");
      assertEquals(0, x[BLINK], "AU45 is left to blinks");
      assertTrue(seen.add(Arrays.toString(x)), "state " + s + " repeats another");
    }
  }

  @ParameterizedTest
  @CsvSource({"0, 12, 4", "1, 12, 3", "2, 30, 5", "3, 3, 3"})
  void everyExpressionIsInOneDirectedCycle(long seed, int expressions, int cycle) {
    ExpressionPrototypes prototypes = prototypes(seed, expressions, cycle);
    int[] sizes = new int[expressions / cycle];
    for (int s = 1; s < prototypes.stateCount(); s++) {
      int next = prototypes.successor(s);
      assertNotEquals(s, next);
      assertNotEquals(ExpressionPrototypes.NEUTRAL, next);
      assertEquals(s, prototypes.predecessor(next));
      assertEquals(prototypes.cycle(s), prototypes.cycle(next));
      int steps = 1;
      for (int x = next; x != s; x = prototypes.successor(x)) {
        steps++;
      }
      assertEquals(cycle, steps, "cycle through state " + s);
      sizes[prototypes.cycle(s)]++;
    }
    for (int size : sizes) {
      assertEquals(cycle, size);
    }
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "7"})
  void theSeedFixesThePrototypes(long seed) {
    ExpressionPrototypes a = prototypes(seed, 12, 4);
    ExpressionPrototypes b = prototypes(seed, 12, 4);
    ExpressionPrototypes other = prototypes(seed + 1, 12, 4);
    boolean differs = false;
    for (int s = 0; s < a.stateCount(); s++) {
      assertEquals(Arrays.toString(a.intensities(s)), Arrays.toString(b.intensities(s)));
      assertEquals(a.successor(s), b.successor(s));
      differs |= !Arrays.equals(a.intensities(s), other.intensities(s));
    }
    assertTrue(differs, "another seed gives other prototypes");
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "2", "3", "4", "5"})
  void lipSuckFollowsAu17WithAu23(long seed) {
    ExpressionPrototypes prototypes = prototypes(seed, 20, 4);
    int au17 = ActionUnits.NAMES.indexOf("AU17");
    int au23 = ActionUnits.NAMES.indexOf("AU23");
    for (int s = 0; s < prototypes.stateCount(); s++) {
      boolean expected = prototypes.intensity(s, au17) > 0 && prototypes.intensity(s, au23) > 0;
      assertEquals(expected, prototypes.lipSuck(s));
    }
    assertFalse(prototypes.lipSuck(ExpressionPrototypes.NEUTRAL));
  }

  private static ExpressionPrototypes prototypes(long seed, int expressions, int cycle) {
    return ExpressionPrototypes.forSpec(
        CorpusSpec.builder()
            .optSeed(seed)
            .optExpressionCount(expressions)
            .optCycleLength(cycle)
            .build());
  }
}
