package io.auglove.pipelines.generate;

import io.auglove.models.ActionUnits;
import java.util.Arrays;

/**
 * Where OpenFace loses or doubts the face in one video, and what that does to the row: bursts of
 * low confidence (0.50 to 0.89, success 1, values present but noisier), bursts of failure (success
 * 0, confidence at most 0.30, gaze zeroed, AU values zeroed in some bursts and left noisy in
 * others, as different OpenFace builds do), failure bursts flanked by a frame or two of low
 * confidence, and now and then a dropout of 2.5 to 5 s (success 0, everything zeroed) that splits
 * the track downstream. Between 5 and 10% of a video's frames are affected; any two episodes are
 * separated by at least one good frame, so only dropouts leave a gap over 2 s in the frames that
 * pass a confidence filter.
 *
 * <p>Good frames have confidence 0.90 to 0.98 (mostly the video's base, 0.97 or 0.98).
 */
final class TrackingProblems {

  static final byte GOOD = 0;
  static final byte LOW_CONFIDENCE = 1;
  static final byte LOST_NOISY = 2;
  static final byte LOST_ZEROED = 3;
  static final byte DROPOUT = 4;

  /** Shortest dropout, in seconds: longer than the 2 s after which a track is split. */
  static final double SHORTEST_DROPOUT_SECONDS = 2.5;

  private static final double LONGEST_DROPOUT_SECONDS = 5;
  private static final double EXTRA_NOISE_SD = 0.25;
  private static final int MAX_ATTEMPTS = 500;

  private final byte[] kinds;
  private final int baseConfidence;
  private final int dropouts;
  private final Rng rng;

  private TrackingProblems(byte[] kinds, int baseConfidence, int dropouts, Rng rng) {
    this.kinds = kinds;
    this.baseConfidence = baseConfidence;
    this.dropouts = dropouts;
    this.rng = rng;
  }

  /** A video that is tracked well throughout. */
  static TrackingProblems none(int frameCount, Rng rng) {
    return new TrackingProblems(new byte[frameCount], 97 + rng.nextInt(2), 0, rng);
  }

  /** Plans the tracking problems of a video; {@code rng} then also drives the per-frame values. */
  static TrackingProblems plan(int frameCount, double fps, Rng rng) {
    byte[] kinds = new byte[frameCount];
    int baseConfidence = 97 + rng.nextInt(2);
    int budget = (int) Math.round(rng.uniform(0.05, 0.10) * frameCount);
    int dropouts = 0;

    int shortestDropout = (int) Math.ceil(SHORTEST_DROPOUT_SECONDS * fps);
    if (budget >= shortestDropout && rng.bernoulli(0.5)) {
      int longest = Math.min(budget, (int) Math.ceil(LONGEST_DROPOUT_SECONDS * fps));
      int length = rng.intBetween(shortestDropout, longest);
      int start = rng.nextInt(frameCount - length + 1);
      Arrays.fill(kinds, start, start + length, DROPOUT);
      budget -= length;
      dropouts = 1;
    }

    for (int attempt = 0; budget > 0 && attempt < MAX_ATTEMPTS; attempt++) {
      double u = rng.nextDouble();
      byte kind;
      double seconds;
      if (u < 0.55) {
        kind = LOW_CONFIDENCE;
        seconds = rng.uniform(0.2, 1.5);
      } else {
        kind = u < 0.775 ? LOST_ZEROED : LOST_NOISY;
        seconds = rng.uniform(0.1, 1.0);
      }
      int length = Math.max(1, (int) Math.round(seconds * fps));
      int before = kind == LOW_CONFIDENCE ? 0 : rng.nextInt(3);
      int after = kind == LOW_CONFIDENCE ? 0 : rng.nextInt(3);
      if (before + length + after > budget) {
        before = 0;
        after = 0;
        length = Math.min(length, budget);
      }
      int total = before + length + after;
      if (total > frameCount) {
        continue;
      }
      int start = rng.nextInt(frameCount - total + 1);
      if (isGood(kinds, start - 1, start + total + 1)) {
        Arrays.fill(kinds, start, start + before, LOW_CONFIDENCE);
        Arrays.fill(kinds, start + before, start + before + length, kind);
        Arrays.fill(kinds, start + before + length, start + total, LOW_CONFIDENCE);
        budget -= total;
      }
    }
    return new TrackingProblems(kinds, baseConfidence, dropouts, rng);
  }

  private static boolean isGood(byte[] kinds, int from, int to) {
    for (int f = Math.max(0, from); f < Math.min(kinds.length, to); f++) {
      if (kinds[f] != GOOD) {
        return false;
      }
    }
    return true;
  }

  /** The kind of frame {@code frame} (0-based). */
  byte kind(int frame) {
    return kinds[frame];
  }

  /** Number of frames with any tracking problem. */
  int affectedFrames() {
    int count = 0;
    for (byte kind : kinds) {
      if (kind != GOOD) {
        count++;
      }
    }
    return count;
  }

  /** Number of dropouts (0 or 1). */
  int dropouts() {
    return dropouts;
  }

  /** Sets confidence and success of frame {@code frame} and degrades its values as planned. */
  void apply(int frame, FrameValues values) {
    switch (kinds[frame]) {
      case GOOD -> {
        values.success = true;
        int hundredths = rng.bernoulli(0.05) ? rng.intBetween(90, baseConfidence) : baseConfidence;
        values.confidence = hundredths / 100.0;
      }
      case LOW_CONFIDENCE -> {
        values.success = true;
        values.confidence = rng.intBetween(50, 89) / 100.0;
        addNoise(values.intensity);
      }
      case LOST_NOISY -> {
        values.success = false;
        values.confidence = rng.intBetween(0, 30) / 100.0;
        Arrays.fill(values.gaze, 0);
        addNoise(values.intensity);
      }
      case LOST_ZEROED, DROPOUT -> {
        values.success = false;
        values.confidence =
            (kinds[frame] == DROPOUT ? rng.intBetween(0, 5) : rng.intBetween(0, 30)) / 100.0;
        Arrays.fill(values.gaze, 0);
        Arrays.fill(values.intensity, 0);
        Arrays.fill(values.occurrence, false);
      }
      default -> throw new IllegalStateException("unknown tracking kind " + kinds[frame]);
    }
  }

  private void addNoise(double[] intensity) {
    for (int a = 0; a < intensity.length; a++) {
      intensity[a] =
          FrameSynthesizer.clip(
              intensity[a] + EXTRA_NOISE_SD * rng.nextGaussian(),
              ActionUnits.MIN_INTENSITY,
              ActionUnits.MAX_INTENSITY);
    }
  }
}
