package io.auglove.pipelines.generate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * What synthetic corpus to generate: its size, its seed, the recording formats and the parameters
 * of the planted dynamics. Immutable; built with {@link #builder()}, where every value is checked
 * when it is set and the message names the parameter, the value and the valid range.
 *
 * <pre>{@code
 * CorpusSpec spec = CorpusSpec.builder().optVideoCount(200).optSeed(7).build();
 * CorpusSummary summary = CorpusGenerator.write(spec, "/tmp/corpus");
 * }</pre>
 *
 * <p>The same spec always gives the same corpus, byte for byte.
 */
public final class CorpusSpec {

  /** Most videos in one corpus. */
  public static final int MAX_VIDEOS = 1_000_000;

  /** Longest video, in seconds. */
  public static final double MAX_DURATION_SECONDS = 86_400;

  private final int videoCount;
  private final int participantCount;
  private final long seed;
  private final long worldSeed;
  private final String participantPrefix;
  private final double minDurationSeconds;
  private final double maxDurationSeconds;
  private final ImmutableList<Double> frameRates;
  private final double gzipFraction;
  private final double crlfFraction;
  private final double faceIdFraction;
  private final boolean trackingProblems;
  private final boolean allColumns;
  private final ImmutableList<WriterStyle> writerStyles;
  private final int expressionCount;
  private final int cycleLength;
  private final double neutralProbability;
  private final double jumpProbability;
  private final double rampSeconds;
  private final double noiseSd;
  private final double blinksPerMinute;

  private CorpusSpec(Builder b, int participantCount) {
    this.videoCount = b.videoCount;
    this.participantCount = participantCount;
    this.seed = b.seed;
    this.worldSeed = b.worldSeed != null ? b.worldSeed : b.seed;
    this.participantPrefix = b.participantPrefix;
    this.minDurationSeconds = b.minDurationSeconds;
    this.maxDurationSeconds = b.maxDurationSeconds;
    this.frameRates = b.frameRates;
    this.gzipFraction = b.gzipFraction;
    this.crlfFraction = b.crlfFraction;
    this.faceIdFraction = b.faceIdFraction;
    this.trackingProblems = b.trackingProblems;
    this.allColumns = b.allColumns;
    this.writerStyles = b.writerStyles;
    this.expressionCount = b.expressionCount;
    this.cycleLength = b.cycleLength;
    this.neutralProbability = b.neutralProbability;
    this.jumpProbability = b.jumpProbability;
    this.rampSeconds = b.rampSeconds;
    this.noiseSd = b.noiseSd;
    this.blinksPerMinute = b.blinksPerMinute;
  }

  /** A builder holding every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The spec with all defaults: 40 videos of 20 participants, seed 0. */
  public static CorpusSpec defaults() {
    return builder().build();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.videoCount = videoCount;
    b.participantCount = participantCount;
    b.seed = seed;
    // A world seed equal to the seed stays a default, following the seed when the builder sets one.
    b.worldSeed = worldSeed == seed ? null : worldSeed;
    b.participantPrefix = participantPrefix;
    b.minDurationSeconds = minDurationSeconds;
    b.maxDurationSeconds = maxDurationSeconds;
    b.frameRates = frameRates;
    b.gzipFraction = gzipFraction;
    b.crlfFraction = crlfFraction;
    b.faceIdFraction = faceIdFraction;
    b.trackingProblems = trackingProblems;
    b.allColumns = allColumns;
    b.writerStyles = writerStyles;
    b.expressionCount = expressionCount;
    b.cycleLength = cycleLength;
    b.neutralProbability = neutralProbability;
    b.jumpProbability = jumpProbability;
    b.rampSeconds = rampSeconds;
    b.noiseSd = noiseSd;
    b.blinksPerMinute = blinksPerMinute;
    return b;
  }

  /** Number of videos (recordings). */
  public int videoCount() {
    return videoCount;
  }

  /** Number of participants; each has at least one video. */
  public int participantCount() {
    return participantCount;
  }

  /** The seed every random draw of the corpus derives from, but the world's. */
  public long seed() {
    return seed;
  }

  /**
   * The seed of the world the corpus is drawn from: its expression prototypes and their cycles. Two
   * corpora of one world (an unlabelled one to learn a vocabulary from, a labelled one of other
   * participants to score models on) share it and differ in {@link #seed()}; by default the seed.
   */
  public long worldSeed() {
    return worldSeed;
  }

  /** What participant ids start with, before their number ({@code p} in {@code p007}). */
  public String participantPrefix() {
    return participantPrefix;
  }

  /** Shortest video duration, in seconds. */
  public double minDurationSeconds() {
    return minDurationSeconds;
  }

  /** Longest video duration, in seconds. */
  public double maxDurationSeconds() {
    return maxDurationSeconds;
  }

  /** Frame rates a video's rate is drawn from, uniformly. */
  public ImmutableList<Double> frameRates() {
    return frameRates;
  }

  /** Fraction of recordings written gzip-compressed (rounded to a whole number of files). */
  public double gzipFraction() {
    return gzipFraction;
  }

  /** Fraction of recordings with CRLF line endings (rounded to a whole number of files). */
  public double crlfFraction() {
    return crlfFraction;
  }

  /** Probability that a recording has the {@code face_id} column. */
  public double faceIdFraction() {
    return faceIdFraction;
  }

  /** Whether recordings have low-confidence bursts, tracking failures and dropouts. */
  public boolean trackingProblems() {
    return trackingProblems;
  }

  /**
   * Whether files carry every column FeatureExtraction writes by default (eye and face landmarks in
   * 2-D and 3-D and the shape parameters too: 714 columns with {@code face_id}) rather than only
   * gaze, pose and AUs.
   */
  public boolean allColumns() {
    return allColumns;
  }

  /** Writer styles a recording's style is drawn from, uniformly. */
  public ImmutableList<WriterStyle> writerStyles() {
    return writerStyles;
  }

  /** Number of expression prototypes besides the neutral face. */
  public int expressionCount() {
    return expressionCount;
  }

  /** Number of expressions in each directed cycle; divides {@link #expressionCount()}. */
  public int cycleLength() {
    return cycleLength;
  }

  /** Probability of passing through the neutral face after an expression. */
  public double neutralProbability() {
    return neutralProbability;
  }

  /** Probability that the next expression is any other expression rather than a cycle neighbour. */
  public double jumpProbability() {
    return jumpProbability;
  }

  /** Duration of the onset ramp from one state's prototype to the next, in seconds. */
  public double rampSeconds() {
    return rampSeconds;
  }

  /** Standard deviation of the per-frame AU noise. */
  public double noiseSd() {
    return noiseSd;
  }

  /** Mean rate of blinks (AU45 spikes). */
  public double blinksPerMinute() {
    return blinksPerMinute;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CorpusSpec that
        && videoCount == that.videoCount
        && participantCount == that.participantCount
        && seed == that.seed
        && worldSeed == that.worldSeed
        && participantPrefix.equals(that.participantPrefix)
        && minDurationSeconds == that.minDurationSeconds
        && maxDurationSeconds == that.maxDurationSeconds
        && frameRates.equals(that.frameRates)
        && gzipFraction == that.gzipFraction
        && crlfFraction == that.crlfFraction
        && faceIdFraction == that.faceIdFraction
        && trackingProblems == that.trackingProblems
        && allColumns == that.allColumns
        && writerStyles.equals(that.writerStyles)
        && expressionCount == that.expressionCount
        && cycleLength == that.cycleLength
        && neutralProbability == that.neutralProbability
        && jumpProbability == that.jumpProbability
        && rampSeconds == that.rampSeconds
        && noiseSd == that.noiseSd
        && blinksPerMinute == that.blinksPerMinute;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        videoCount,
        participantCount,
        seed,
        worldSeed,
        participantPrefix,
        minDurationSeconds,
        maxDurationSeconds,
        frameRates,
        gzipFraction,
        crlfFraction,
        faceIdFraction,
        trackingProblems,
        allColumns,
        writerStyles,
        expressionCount,
        cycleLength,
        neutralProbability,
        jumpProbability,
        rampSeconds,
        noiseSd,
        blinksPerMinute);
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper(this)
        .add("videoCount", videoCount)
        .add("participantCount", participantCount)
        .add("seed", seed)
        .add("worldSeed", worldSeed)
        .add("participantPrefix", participantPrefix)
        .add("durationSeconds", minDurationSeconds + ".." + maxDurationSeconds)
        .add("frameRates", frameRates)
        .add("gzipFraction", gzipFraction)
        .add("crlfFraction", crlfFraction)
        .add("faceIdFraction", faceIdFraction)
        .add("trackingProblems", trackingProblems)
        .add("allColumns", allColumns)
        .add("writerStyles", writerStyles)
        .add("expressionCount", expressionCount)
        .add("cycleLength", cycleLength)
        .add("neutralProbability", neutralProbability)
        .add("jumpProbability", jumpProbability)
        .add("rampSeconds", rampSeconds)
        .add("noiseSd", noiseSd)
        .add("blinksPerMinute", blinksPerMinute)
        .toString();
  }

  /**
   * Builds a {@link CorpusSpec}. Every value is optional ({@code optX}, as in DJL's builders) and
   * checked when set; {@link #build()} checks the values that depend on each other.
   */
  public static final class Builder {
    private int videoCount = 40;
    private Integer participantCount;
    private long seed;
    private Long worldSeed;
    private String participantPrefix = "p";
    private double minDurationSeconds = 60;
    private double maxDurationSeconds = 120;
    private ImmutableList<Double> frameRates = ImmutableList.of(25.0, 29.97, 30.0, 60.0);
    private double gzipFraction = 0.1;
    private double crlfFraction = 0.05;
    private double faceIdFraction = 0.7;
    private boolean trackingProblems = true;
    private boolean allColumns;
    private ImmutableList<WriterStyle> writerStyles = ImmutableList.copyOf(WriterStyle.values());
    private int expressionCount = 12;
    private int cycleLength = 4;
    private double neutralProbability = 0.3;
    private double jumpProbability = 0.1;
    private double rampSeconds = 0.3;
    private double noiseSd = 0.15;
    private double blinksPerMinute = 15;

    private Builder() {}

    /** Number of videos, 1 to {@value CorpusSpec#MAX_VIDEOS}; default 40. */
    public Builder optVideoCount(int value) {
      checkRange("videoCount", value, 1, MAX_VIDEOS);
      videoCount = value;
      return this;
    }

    /**
     * Number of participants, at least 1 and at most the number of videos (checked by {@link
     * #build()}); default half the videos, at least 1.
     */
    public Builder optParticipantCount(int value) {
      checkRange("participantCount", value, 1, MAX_VIDEOS);
      participantCount = value;
      return this;
    }

    /** The seed; any value; default 0. */
    public Builder optSeed(long value) {
      seed = value;
      return this;
    }

    /** The world's seed (see {@link CorpusSpec#worldSeed()}); any value; default the seed. */
    public Builder optWorldSeed(long value) {
      worldSeed = value;
      return this;
    }

    /**
     * What participant ids start with: 1 to 8 letters, so that ids stay plain file-name words;
     * default {@code p}.
     */
    public Builder optParticipantPrefix(String value) {
      checkArgument(
          value != null && value.matches("[A-Za-z]{1,8}"),
          "participantPrefix must be 1 to 8 letters, got '%s'",
          value);
      participantPrefix = value;
      return this;
    }

    /**
     * Range of video durations in seconds, each in [1, {@value CorpusSpec#MAX_DURATION_SECONDS}],
     * {@code min <= max}; default 60 to 120.
     */
    public Builder optDurationSeconds(double min, double max) {
      checkRange("minDurationSeconds", min, 1, MAX_DURATION_SECONDS);
      checkRange("maxDurationSeconds", max, 1, MAX_DURATION_SECONDS);
      checkArgument(
          min <= max,
          "minDurationSeconds must be <= maxDurationSeconds, got %s > %s",
          format(min),
          format(max));
      minDurationSeconds = min;
      maxDurationSeconds = max;
      return this;
    }

    /** Frame rates to draw from, at least one, each in [1, 240]; default 25, 29.97, 30, 60. */
    public Builder optFrameRates(double... values) {
      checkArgument(values.length > 0, "frameRates must hold at least one rate, got none");
      for (double value : values) {
        checkRange("frameRates", value, 1, 240);
      }
      frameRates = Arrays.stream(values).boxed().collect(ImmutableList.toImmutableList());
      return this;
    }

    /** Fraction of gzip-compressed recordings, in [0, 1]; default 0.1. */
    public Builder optGzipFraction(double value) {
      checkRange("gzipFraction", value, 0, 1);
      gzipFraction = value;
      return this;
    }

    /** Fraction of recordings with CRLF line endings, in [0, 1]; default 0.05. */
    public Builder optCrlfFraction(double value) {
      checkRange("crlfFraction", value, 0, 1);
      crlfFraction = value;
      return this;
    }

    /** Probability that a recording has a {@code face_id} column, in [0, 1]; default 0.7. */
    public Builder optFaceIdFraction(double value) {
      checkRange("faceIdFraction", value, 0, 1);
      faceIdFraction = value;
      return this;
    }

    /** Whether to include tracking problems; default true. */
    public Builder optTrackingProblems(boolean value) {
      trackingProblems = value;
      return this;
    }

    /** Sets {@link CorpusSpec#allColumns}. Default: false. */
    public Builder optAllColumns(boolean value) {
      allColumns = value;
      return this;
    }

    /** Writer styles to draw from, at least one; default all of {@link WriterStyle}. */
    public Builder optWriterStyles(WriterStyle... values) {
      checkArgument(values.length > 0, "writerStyles must hold at least one style, got none");
      writerStyles = ImmutableList.copyOf(EnumSet.copyOf(List.of(values)));
      return this;
    }

    /** Number of expression prototypes besides neutral, in [3, 60]; default 12. */
    public Builder optExpressionCount(int value) {
      checkRange("expressionCount", value, 3, 60);
      expressionCount = value;
      return this;
    }

    /**
     * Length of each directed cycle of expressions, in [3, 60], dividing the expression count
     * (checked by {@link #build()}); default 4.
     */
    public Builder optCycleLength(int value) {
      checkRange("cycleLength", value, 3, 60);
      cycleLength = value;
      return this;
    }

    /** Probability of a neutral pause after an expression, in [0, 0.9]; default 0.3. */
    public Builder optNeutralProbability(double value) {
      checkRange("neutralProbability", value, 0, 0.9);
      neutralProbability = value;
      return this;
    }

    /** Probability of a jump to any other expression, in [0, 0.5]; default 0.1. */
    public Builder optJumpProbability(double value) {
      checkRange("jumpProbability", value, 0, 0.5);
      jumpProbability = value;
      return this;
    }

    /** Onset ramp between states in seconds, in [0, 2]; default 0.3. */
    public Builder optRampSeconds(double value) {
      checkRange("rampSeconds", value, 0, 2);
      rampSeconds = value;
      return this;
    }

    /** Standard deviation of the AU noise, in [0, 1]; default 0.15. */
    public Builder optNoiseSd(double value) {
      checkRange("noiseSd", value, 0, 1);
      noiseSd = value;
      return this;
    }

    /** Blinks per minute, in [0, 60]; default 15. */
    public Builder optBlinksPerMinute(double value) {
      checkRange("blinksPerMinute", value, 0, 60);
      blinksPerMinute = value;
      return this;
    }

    /** The spec; checks the participant count against the videos and the cycle length. */
    public CorpusSpec build() {
      int participants = participantCount == null ? Math.max(1, videoCount / 2) : participantCount;
      checkArgument(
          participants <= videoCount,
          "participantCount must be in [1, videoCount = %s] so that every participant has a"
              + " video, got %s",
          videoCount,
          participants);
      checkArgument(
          cycleLength <= expressionCount && expressionCount % cycleLength == 0,
          "cycleLength must divide expressionCount = %s and be in [3, %s], got %s",
          expressionCount,
          expressionCount,
          cycleLength);
      return new CorpusSpec(this, participants);
    }

    private static void checkRange(String name, long value, long min, long max) {
      checkArgument(
          value >= min && value <= max, "%s must be in [%s, %s], got %s", name, min, max, value);
    }

    private static void checkRange(String name, double value, double min, double max) {
      checkArgument(
          value >= min && value <= max,
          "%s must be in [%s, %s], got %s",
          name,
          format(min),
          format(max),
          format(value));
    }

    private static String format(double value) {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }
}
