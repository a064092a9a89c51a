package io.auglove.models.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChosenOnValidationTest {

  private static Sample sample(String id, double target) {
    return Sample.of(id, id, new float[][] {new float[17]}, new int[] {0}, target);
  }

  private static final List<Sample> TRAIN = List.of(sample("a", 1), sample("b", 3));
  private static final List<Sample> VALIDATION = List.of(sample("c", 2), sample("d", 4));

  /** A model that predicts {@code value} for every sample; records what it saw and its closing. */
  private static final class Constant implements Regressor {
    final double value;
    final List<String> events;

    Constant(double value, List<String> events) {
      this.value = value;
      this.events = events;
    }

    @Override
    public String name() {
      return "constant " + value;
    }

    @Override
    public Predictor fit(List<Sample> train, List<Sample> validation, long seed) {
      events.add(
          "fit " + value + " on " + train.size() + "+" + validation.size() + " seed " + seed);
      return new Predictor() {
        @Override
        public double[] predict(List<Sample> samples) {
          return samples.stream().mapToDouble(s -> value).toArray();
        }

        @Override
        public String choice() {
          return "own " + value;
        }

        @Override
        public void close() {
          events.add("close " + value);
        }
      };
    }
  }

  @Test
  void theLowestValidationErrorWinsAndTheOthersAreClosed() {
    List<String> events = new ArrayList<>();
    // Validation targets 2 and 4: MSE 5 for 1, 1 for 3, 10 for 6; the second 3 ties at 1 and the
    // earlier wins.
    ChosenOnValidation chooser =
        new ChosenOnValidation(
            "model",
            List.of(
                new ChosenOnValidation.Candidate("one", new Constant(1, events)),
                new ChosenOnValidation.Candidate("three", new Constant(3, events)),
                new ChosenOnValidation.Candidate("six", new Constant(6, events)),
                new ChosenOnValidation.Candidate("three again", new Constant(3, events))));

    try (Predictor predictor = chooser.fit(TRAIN, VALIDATION, 7)) {
      assertEquals("three, own 3.0", predictor.choice());
      assertArrayEquals(new double[] {3, 3}, predictor.predict(VALIDATION));
      assertEquals(
          List.of(
              "fit 1.0 on 2+2 seed 7",
              "fit 3.0 on 2+2 seed 7",
              "close 1.0",
              "fit 6.0 on 2+2 seed 7",
              "close 6.0",
              "fit 3.0 on 2+2 seed 7",
              "close 3.0"),
          events);
    }
    assertEquals("close 3.0", events.get(events.size() - 1));
    assertEquals(8, events.size());
  }

  @Test
  void withoutValidationTheFirstCandidateIsFittedAlone() {
    List<String> events = new ArrayList<>();
    ChosenOnValidation chooser =
        new ChosenOnValidation(
            "model",
            List.of(
                new ChosenOnValidation.Candidate("six", new Constant(6, events)),
                new ChosenOnValidation.Candidate("three", new Constant(3, events))));

    try (Predictor predictor = chooser.fit(TRAIN, List.of(), 1)) {
      assertEquals("six, own 6.0", predictor.choice());
    }
    assertEquals(List.of("fit 6.0 on 2+0 seed 1", "close 6.0"), events);
  }

  @Test
  void noCandidatesIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ChosenOnValidation("m", List.of()));
    assertEquals("m: no candidates to choose from", e.getMessage());
  }
}
