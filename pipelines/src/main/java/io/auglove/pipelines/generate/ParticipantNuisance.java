package io.auglove.pipelines.generate;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.models.ActionUnits;
import java.util.Arrays;

/**
 * A participant's appearance in the AU signal that has nothing to do with the scores: a small
 * baseline offset per AU (some faces look a little tense at rest) and a gain on every expression's
 * intensity (some people are more expressive). Drawn from its own random stream, never from the
 * scores, so no score can be read off the per-frame AU level of a participant.
 */
public final class ParticipantNuisance {

  private final double[] offsets;
  private final double gain;

  private ParticipantNuisance(double[] offsets, double gain) {
    this.offsets = offsets;
    this.gain = gain;
  }

  /** No offset and unit gain: the prototypes as they are. */
  public static ParticipantNuisance none() {
    return new ParticipantNuisance(new double[ActionUnits.COUNT], 1.0);
  }

  /**
   * A nuisance with the given offsets (one per AU, in {@link ActionUnits} order, each in [0, 1])
   * and gain (in [0.5, 2]).
   */
  public static ParticipantNuisance of(double[] offsets, double gain) {
    checkArgument(
        offsets.length == ActionUnits.COUNT,
        "offsets must have %s values, got %s",
        ActionUnits.COUNT,
        offsets.length);
    for (double offset : offsets) {
      checkArgument(offset >= 0 && offset <= 1, "offset must be in [0, 1], got %s", offset);
    }
    checkArgument(gain >= 0.5 && gain <= 2, "gain must be in [0.5, 2], got %s", gain);
    return new ParticipantNuisance(offsets.clone(), gain);
  }

  /** Draws a participant's nuisance: offsets mostly below 0.1, at most 0.3; gain 0.75 to 1.3. */
  static ParticipantNuisance draw(Rng rng) {
    double[] offsets = new double[ActionUnits.COUNT];
    for (int a = 0; a < offsets.length; a++) {
      double u = rng.nextDouble();
      offsets[a] = 0.3 * u * u * u;
    }
    double gain = StrictMath.exp(rng.uniform(StrictMath.log(0.75), StrictMath.log(1.3)));
    return new ParticipantNuisance(offsets, gain);
  }

  /** The baseline offset of the AU at {@code index} in {@link ActionUnits} order. */
  public double offset(int index) {
    return offsets[index];
  }

  /** The gain applied to the expression intensities. */
  public double gain() {
    return gain;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParticipantNuisance that
        && gain == that.gain
        && Arrays.equals(offsets, that.offsets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(offsets) + Double.hashCode(gain);
  }

  @Override
  public String toString() {
    return "ParticipantNuisance{gain=" + gain + ", offsets=" + Arrays.toString(offsets) + "}";
  }
}
