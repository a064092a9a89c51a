package io.auglove.pipelines.generate;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A participant's symptom scores, integers from {@value #MIN} to {@value #MAX} like a PANSS item.
 * Each score drives one different aspect of the latent dynamics (see {@link PlantedDynamics}):
 *
 * @param dwell how long expression states last (mean dwell time grows with the score)
 * @param order how predictably states follow each other (cycles run forwards at 1, backwards at 7)
 * @param regularity the shape of the dwell-time distribution at a fixed mean (near-constant at 1,
 *     exponential at 7)
 * @param control a score drawn like the others that drives nothing: a negative control
 */
public record Scores(int dwell, int order, int regularity, int control) {

  /** Smallest score. */
  public static final int MIN = 1;

  /** Largest score. */
  public static final int MAX = 7;

  /** Checks that every score is in {@code [MIN, MAX]}. */
  public Scores {
    check("dwell", dwell);
    check("order", order);
    check("regularity", regularity);
    check("control", control);
  }

  /** Scores with every aspect at the middle of the scale (4), the reference level of the tests. */
  public static Scores middle() {
    return new Scores(4, 4, 4, 4);
  }

  /** These scores with {@code dwell} replaced. */
  public Scores withDwell(int value) {
    return new Scores(value, order, regularity, control);
  }

  /** These scores with {@code order} replaced. */
  public Scores withOrder(int value) {
    return new Scores(dwell, value, regularity, control);
  }

  /** These scores with {@code regularity} replaced. */
  public Scores withRegularity(int value) {
    return new Scores(dwell, order, value, control);
  }

  /** These scores with {@code control} replaced. */
  public Scores withControl(int value) {
    return new Scores(dwell, order, regularity, value);
  }

  private static void check(String name, int value) {
    checkArgument(
        value >= MIN && value <= MAX,
        "score %s must be in [%s, %s], got %s",
        name,
        MIN,
        MAX,
        value);
  }
}
