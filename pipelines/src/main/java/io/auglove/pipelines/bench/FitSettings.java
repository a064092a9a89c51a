package io.auglove.pipelines.bench;

import static com.google.common.base.MoreObjects.firstNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Sizes of {@code auglove bench --fits}: k-means speed on {@code frames} frames at {@code k}
 * centres, k-means quality on the first {@code qualityFrames} frames for each of {@code qualityKs},
 * and GloVe on the co-occurrence counts of {@code gloveTokens} generated tokens for each of {@code
 * gloveDimensions}.
 */
public record FitSettings(
    int frames,
    int k,
    int qualityFrames,
    List<Integer> qualityKs,
    int gloveTokens,
    List<Integer> gloveDimensions,
    long seed) {

  // The defaults of the full run and of --quick (about a minute), which the options' help names.
  public static final int FRAMES = 1_000_000;
  public static final int QUICK_FRAMES = 200_000;
  public static final int K = 1000;
  public static final int QUALITY_FRAMES = 100_000;
  public static final int QUICK_QUALITY_FRAMES = 20_000;
  public static final String QUALITY_KS = "50,200,1000";
  public static final String QUICK_QUALITY_KS = "50,200";
  public static final int GLOVE_TOKENS = 2_000_000;
  public static final int QUICK_GLOVE_TOKENS = 500_000;
  public static final String GLOVE_DIMENSIONS = "50,200";

  static final FitSettings FULL =
      new FitSettings(
          FRAMES, K, QUALITY_FRAMES, ints(QUALITY_KS), GLOVE_TOKENS, ints(GLOVE_DIMENSIONS), 0);

  static final FitSettings QUICK =
      new FitSettings(
          QUICK_FRAMES,
          K,
          QUICK_QUALITY_FRAMES,
          ints(QUICK_QUALITY_KS),
          QUICK_GLOVE_TOKENS,
          ints(GLOVE_DIMENSIONS),
          0);

  private static List<Integer> ints(String list) {
    return Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
  }

  /** The settings {@code options} give, with {@code --quick} or without. */
  public static FitSettings of(FitBenchOptions options, boolean quick, long seed) {
    FitSettings preset = quick ? QUICK : FULL;
    return new FitSettings(
        firstNonNull(options.getFitFrames(), preset.frames()),
        firstNonNull(options.getFitK(), preset.k()),
        firstNonNull(options.getQualityFrames(), preset.qualityFrames()),
        firstNonNull(options.getQualityKs(), preset.qualityKs()),
        firstNonNull(options.getGloveTokens(), preset.gloveTokens()),
        firstNonNull(options.getFitDimensions(), preset.gloveDimensions()),
        seed);
  }

  public FitSettings {
    if (frames < k || k < 1) {
      throw new IllegalArgumentException(
          "--fitK must be at least 1 and at most --fitFrames, got k = "
              + k
              + ", "
              + frames
              + " frames");
    }
    for (int qualityK : qualityKs) {
      if (qualityK < 1 || qualityK > qualityFrames) {
        throw new IllegalArgumentException(
            "--qualityKs must lie in 1.." + qualityFrames + " (--qualityFrames), got " + qualityK);
      }
    }
    if (qualityFrames > frames) {
      throw new IllegalArgumentException(
          "--qualityFrames must be at most --fitFrames (" + frames + "), got " + qualityFrames);
    }
    if (gloveTokens < 2) {
      throw new IllegalArgumentException("--gloveTokens must be at least 2, got " + gloveTokens);
    }
    for (int dimension : gloveDimensions) {
      if (dimension < 1) {
        throw new IllegalArgumentException("--fitDimensions must be at least 1, got " + dimension);
      }
    }
    qualityKs = List.copyOf(qualityKs);
    gloveDimensions = List.copyOf(gloveDimensions);
  }
}
