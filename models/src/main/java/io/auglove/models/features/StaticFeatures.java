package io.auglove.models.features;

import com.google.common.collect.ImmutableList;
import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import java.util.List;

/**
 * The static features of the paper's "Static features + LR" baseline: for each AU, the mean
 * intensity, the standard deviation and the mean first difference of a recording.
 *
 * <p>The {@value #COUNT} values are grouped by AU, in {@link ActionUnits#NAMES} order, three per
 * AU: {@code AU01_mean, AU01_std, AU01_diff, AU02_mean, ...}; {@link #names()} lists them.
 *
 * <ul>
 *   <li><b>mean</b>: the mean intensity over all frames of the sample.
 *   <li><b>std</b>: the population standard deviation, √(Σ (x − mean)² / n), dividing by n as
 *       NumPy's {@code std} does by default, so a one-frame sample has 0.
 *   <li><b>diff</b>: the mean of the first differences x[t+1] − x[t] over the consecutive frame
 *       pairs that lie within one sequence; a pair that straddles a sequence boundary spans a gap
 *       and is no difference. A sample whose sequences are all single frames has no pairs, and its
 *       mean first difference is 0 (no observed change).
 * </ul>
 *
 * <p>Computed in double precision; a pure function of the sample.
 */
public final class StaticFeatures {

  /** Features per AU: mean, std, diff. */
  public static final int PER_AU = 3;

  /** Number of features: {@value #PER_AU} per AU. */
  public static final int COUNT = PER_AU * ActionUnits.COUNT;

  private static final ImmutableList<String> NAMES = buildNames();

  private StaticFeatures() {}

  /** The {@value #COUNT} static features of {@code s}, in {@link #names()} order. */
  public static double[] of(Sample s) {
    float[][] aus = s.aus();
    int n = aus.length;
    int pairs = n - s.sequenceCount();
    double[] features = new double[COUNT];
    for (int au = 0; au < ActionUnits.COUNT; au++) {
      double sum = 0;
      for (float[] frame : aus) {
        sum += frame[au];
      }
      double mean = sum / n;
      double squares = 0;
      for (float[] frame : aus) {
        double d = frame[au] - mean;
        squares += d * d;
      }
      double differences = 0;
      for (int q = 0; q < s.sequenceCount(); q++) {
        for (int t = s.sequenceStart(q); t + 1 < s.sequenceEnd(q); t++) {
          differences += (double) aus[t + 1][au] - aus[t][au];
        }
      }
      features[PER_AU * au] = mean;
      features[PER_AU * au + 1] = Math.sqrt(squares / n);
      features[PER_AU * au + 2] = pairs == 0 ? 0 : differences / pairs;
    }
    return features;
  }

  /** The features' names, {@code AU01_mean, AU01_std, AU01_diff, AU02_mean, ...}. */
  public static List<String> names() {
    return NAMES;
  }

  private static ImmutableList<String> buildNames() {
    ImmutableList.Builder<String> names = ImmutableList.builderWithExpectedSize(COUNT);
    for (String au : ActionUnits.NAMES) {
      names.add(au + "_mean", au + "_std", au + "_diff");
    }
    return names.build();
  }
}
