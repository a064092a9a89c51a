package io.auglove.models.features;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import java.util.Arrays;
import java.util.List;

/**
 * The features of the continuous dynamic model (Tron, Peled, Grinsphoon and Weinshall, "Automated
 * facial expressions analysis in schizophrenia: a continuous dynamic approach", MindCare 2015;
 * reference [35] of the paper): each AU's intensity signal is quantised into levels, and five
 * numbers describe how the quantised signal behaves.
 *
 * <p>Our paper names the five features but does not define them, and Tron et al. define them in
 * words only; the definitions below follow their descriptions as closely as we can, and fix every
 * detail they leave open. Level 0 is the lowest quantisation level and means "inactive"; a frame
 * whose level is above 0 is <em>active</em>. Pairs of frames are consecutive frames of one
 * sequence: a pair across a sequence boundary spans a gap, so it is never a change, and a run of
 * active frames ends at a boundary.
 *
 * <ul>
 *   <li><b>activation ratio</b>: active frames / all frames. How much of the time the AU is on.
 *   <li><b>activation level</b>: the mean quantised intensity over the active frames, each active
 *       frame counted as the centre of its level (in intensity units, 0..5); 0 when the AU is never
 *       active. Tron et al. describe it as the mean intensity of the AU's activations; we take the
 *       quantised signal, as the paper says the features come from the quantised levels.
 *   <li><b>activation length</b>: the mean length, in seconds at {@value #FRAMES_PER_SECOND} fps,
 *       of the maximal runs of consecutive active frames, runs cut at sequence boundaries; 0 when
 *       the AU is never active. Seconds rather than frames so the value reads as a duration.
 *   <li><b>change ratio</b>: the fraction of pairs whose two levels differ. Tron et al. count
 *       changes of the quantised level; we divide by the number of pairs, the number of
 *       opportunities to change, so the ratio lies in [0, 1] and does not depend on the recording's
 *       length. 0 when the sample has no pairs.
 *   <li><b>fast change ratio</b>: the fraction of pairs whose levels differ by more than one level.
 *       At {@value #FRAMES_PER_SECOND} fps a pair is 0.2 s apart, so these are changes too fast to
 *       pass through the level in between. 0 when the sample has no pairs.
 * </ul>
 *
 * <p>The {@value #COUNT} features are grouped by AU in {@link ActionUnits#NAMES} order, five per AU
 * in the order above: {@code AU01_activation_ratio, AU01_activation_level, AU01_activation_length,
 * AU01_change_ratio, AU01_fast_change_ratio, AU02_activation_ratio, ...}; {@link #names()} lists
 * them.
 *
 * <pre>{@code
 * DynamicFeatures.Quantiser quantiser =
 *     DynamicFeatures.Quantiser.fit(trainingSamples, DynamicFeatures.DEFAULT_LEVELS);
 * double[] x = quantiser.features(sample);
 * }</pre>
 */
public final class DynamicFeatures {

  /** Quantisation levels per AU unless told otherwise: inactive and three activation levels. */
  public static final int DEFAULT_LEVELS = 4;

  /** The frame rate of the samples' frames, which turns run lengths into seconds. */
  public static final int FRAMES_PER_SECOND = 5;

  /** Features per AU. */
  public static final int PER_AU = 5;

  /** Number of features: {@value #PER_AU} per AU. */
  public static final int COUNT = PER_AU * ActionUnits.COUNT;

  private static final ImmutableList<String> NAMES = buildNames();

  private DynamicFeatures() {}

  /** The features' names, {@code AU01_activation_ratio, AU01_activation_level, ...}. */
  public static List<String> names() {
    return NAMES;
  }

  private static ImmutableList<String> buildNames() {
    ImmutableList.Builder<String> names = ImmutableList.builderWithExpectedSize(COUNT);
    for (String au : ActionUnits.NAMES) {
      names.add(
          au + "_activation_ratio",
          au + "_activation_level",
          au + "_activation_length",
          au + "_change_ratio",
          au + "_fast_change_ratio");
    }
    return names.build();
  }

  /**
   * Maps each AU's intensity to a level, 0 (inactive) up to one less than the AU's number of
   * levels, and computes the dynamic features of a sample from the levels. Immutable.
   *
   * <p>{@link #fit} learns, per AU and from training frames only, the levels' centres by 1-D
   * k-means (Lloyd's algorithm); an intensity's level is that of its nearest centre, the lower one
   * on a tie.
   *
   * <p>The centres start evenly spaced over the AU's training range, at min + (i + ½)(max − min) /
   * L. Quantile starts, the other deterministic choice, collapse for AU intensities: OpenFace
   * reports 0 for most frames of most AUs, so several quantiles are 0 and the AU would get fewer
   * levels. A level that k-means leaves with no training frame is dropped, so an AU can have fewer
   * than L levels: one level only when all its training intensities are equal (it is then never
   * active). The result is a deterministic function of the training frames, whatever their order.
   */
  public static final class Quantiser {

    /** Lloyd's algorithm stops here if the centres still move (in 1-D it settles much sooner). */
    static final int MAX_ITERATIONS = 1_000;

    private final double[][] centres;

    private Quantiser(double[][] centres) {
      this.centres = centres;
    }

    /**
     * Fits the levels' centres of every AU to the frames of {@code train}.
     *
     * @param levels the number of levels L per AU, at least 2 (inactive and active)
     */
    public static Quantiser fit(List<Sample> train, int levels) {
      checkArgument(!train.isEmpty(), "dynamic features: no training samples to quantise");
      checkArgument(levels >= 2, "dynamic features: levels must be at least 2, got %s", levels);
      int frames = train.stream().mapToInt(Sample::length).sum();
      double[] values = new double[frames];
      double[][] centres = new double[ActionUnits.COUNT][];
      for (int au = 0; au < ActionUnits.COUNT; au++) {
        int i = 0;
        for (Sample s : train) {
          for (float[] frame : s.aus()) {
            values[i++] = frame[au];
          }
        }
        Arrays.sort(values);
        centres[au] = kMeans1d(values, levels);
      }
      return new Quantiser(centres);
    }

    /**
     * A quantiser with the given centres: {@code centres[au]} lists AU {@code au}'s level centres
     * in strictly increasing order, level 0 first.
     */
    public static Quantiser ofCentres(double[][] centres) {
      checkArgument(
          centres.length == ActionUnits.COUNT,
          "dynamic features: need centres for %s AUs, got %s",
          ActionUnits.COUNT,
          centres.length);
      double[][] copy = new double[centres.length][];
      for (int au = 0; au < centres.length; au++) {
        double[] c = centres[au];
        checkArgument(
            c.length > 0, "dynamic features: %s has no centres", ActionUnits.NAMES.get(au));
        for (int j = 0; j < c.length; j++) {
          checkArgument(
              Double.isFinite(c[j]) && (j == 0 || c[j] > c[j - 1]),
              "dynamic features: %s's centres must be finite and strictly increasing, got %s",
              ActionUnits.NAMES.get(au),
              Arrays.toString(c));
        }
        copy[au] = c.clone();
      }
      return new Quantiser(copy);
    }

    /** The number of levels of AU {@code au}. */
    public int levels(int au) {
      return centres[au].length;
    }

    /** The centres of AU {@code au}'s levels, level 0 first. */
    public double[] centres(int au) {
      return centres[au].clone();
    }

    /**
     * The level of {@code intensity} for AU {@code au}: its nearest centre's, the lower on ties.
     */
    public int level(int au, double intensity) {
      double[] c = centres[au];
      int level = 0;
      // The centres increase, so the level is the number of midpoints the intensity lies above.
      while (level + 1 < c.length && intensity > (c[level] + c[level + 1]) / 2) {
        level++;
      }
      return level;
    }

    /** The {@value DynamicFeatures#COUNT} dynamic features of {@code s}, in names() order. */
    public double[] features(Sample s) {
      double[] features = new double[COUNT];
      int[] levels = new int[s.length()];
      for (int au = 0; au < ActionUnits.COUNT; au++) {
        for (int t = 0; t < levels.length; t++) {
          levels[t] = level(au, s.aus()[t][au]);
        }
        describe(s, levels, centres[au], features, PER_AU * au);
      }
      return features;
    }

    /** Writes the five features of one AU's level signal into {@code out} from {@code offset}. */
    private static void describe(
        Sample s, int[] levels, double[] centres, double[] out, int offset) {
      int active = 0;
      double activeIntensity = 0;
      int runs = 0;
      int pairs = 0;
      int changes = 0;
      int fastChanges = 0;
      for (int q = 0; q < s.sequenceCount(); q++) {
        for (int t = s.sequenceStart(q); t < s.sequenceEnd(q); t++) {
          if (levels[t] > 0) {
            active++;
            activeIntensity += centres[levels[t]];
            if (t == s.sequenceStart(q) || levels[t - 1] == 0) {
              runs++;
            }
          }
          if (t > s.sequenceStart(q)) {
            pairs++;
            int jump = Math.abs(levels[t] - levels[t - 1]);
            changes += jump > 0 ? 1 : 0;
            fastChanges += jump > 1 ? 1 : 0;
          }
        }
      }
      out[offset] = (double) active / levels.length;
      out[offset + 1] = active == 0 ? 0 : activeIntensity / active;
      // Every active frame lies in exactly one run, so the mean run length is active / runs.
      out[offset + 2] = runs == 0 ? 0 : (double) active / runs / FRAMES_PER_SECOND;
      out[offset + 3] = pairs == 0 ? 0 : (double) changes / pairs;
      out[offset + 4] = pairs == 0 ? 0 : (double) fastChanges / pairs;
    }

    /**
     * Lloyd's algorithm on sorted values. In 1-D every cluster is a contiguous block of the sorted
     * values, cut at the midpoints between neighbouring centres, so each iteration needs only
     * binary searches and prefix sums. Centres of non-empty blocks stay strictly increasing.
     */
    static double[] kMeans1d(double[] sorted, int levels) {
      int n = sorted.length;
      double min = sorted[0];
      double max = sorted[n - 1];
      if (min == max) {
        return new double[] {min};
      }
      double[] prefix = new double[n + 1];
      for (int i = 0; i < n; i++) {
        prefix[i + 1] = prefix[i] + sorted[i];
      }
      double[] centres = new double[levels];
      for (int j = 0; j < levels; j++) {
        centres[j] = min + (j + 0.5) * (max - min) / levels;
      }
      for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        double[] next = new double[centres.length];
        int kept = 0;
        int lo = 0;
        for (int j = 0; j < centres.length; j++) {
          int hi =
              j + 1 < centres.length ? upperBound(sorted, (centres[j] + centres[j + 1]) / 2) : n;
          if (hi > lo) {
            next[kept++] = (prefix[hi] - prefix[lo]) / (hi - lo);
          }
          lo = hi;
        }
        next = Arrays.copyOf(next, kept);
        if (Arrays.equals(next, centres)) {
          break;
        }
        centres = next;
      }
      return centres;
    }

    /** The first index whose value is above {@code bound}, or the length if none is. */
    private static int upperBound(double[] sorted, double bound) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] <= bound) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
