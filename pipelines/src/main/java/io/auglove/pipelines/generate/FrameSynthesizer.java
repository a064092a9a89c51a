package io.auglove.pipelines.generate;

import io.auglove.models.ActionUnits;

/**
 * Turns a latent trace into OpenFace values frame by frame: AU intensities (prototype with onset
 * ramp, participant nuisance, smooth Gaussian noise, blinks, clipped to [0, 5]), AU occurrences,
 * gaze and head pose. Tracking problems are applied afterwards by {@link TrackingProblems}.
 *
 * <p>Noise and blinks, occurrences, and gaze and pose each draw from their own stream, so the
 * intensities of a video do not depend on anything else that is written.
 */
final class FrameSynthesizer {

  /** Time constant of the AU noise, in seconds: OpenFace's estimates are smooth over ~0.1 s. */
  private static final double NOISE_TIME_CONSTANT_SECONDS = 0.1;

  private static final double GAZE_TIME_CONSTANT_SECONDS = 0.6;
  private static final double POSE_TIME_CONSTANT_SECONDS = 1.5;
  private static final double OCCURRENCE_THRESHOLD = 1.0;
  private static final double OCCURRENCE_JITTER = 0.3;
  private static final int BLINK = ActionUnits.NAMES.indexOf("AU45");

  private final double[][] prototypes;
  private final boolean[] lipSuck;
  private final LatentTrace trace;
  private final double[] offsets = new double[ActionUnits.COUNT];
  private final double gain;
  private final int rampFrames;
  private final double noiseRho;
  private final double noiseInnovation;
  private final double meanFramesBetweenBlinks;
  private final Rng noiseRng;
  private final Rng occurrenceRng;
  private final Rng headRng;
  private final double[] noise = new double[ActionUnits.COUNT];

  private final double gazeRho;
  private final double gazeInnovation;
  private final double gazeBaseX;
  private final double gazeBaseY;
  private final double vergence;
  private double gazeX;
  private double gazeY;

  private final double poseRho;
  private final double[] poseBase = new double[6];
  private final double[] poseSd = new double[6];
  private final double[] poseJitter = new double[6];
  private final double[] poseState = new double[6];

  private final boolean intensitiesOnly;

  private int frame;
  private int segment;
  private int blinkStart;
  private int blinkLength;
  private double blinkAmplitude;

  FrameSynthesizer(
      ExpressionPrototypes expressions,
      LatentTrace trace,
      ParticipantNuisance nuisance,
      CorpusSpec spec,
      Rng noiseRng,
      Rng occurrenceRng,
      Rng headRng,
      boolean intensitiesOnly) {
    this.trace = trace;
    this.intensitiesOnly = intensitiesOnly;
    this.prototypes = new double[expressions.stateCount()][];
    this.lipSuck = new boolean[expressions.stateCount()];
    for (int s = 0; s < prototypes.length; s++) {
      prototypes[s] = expressions.intensities(s);
      lipSuck[s] = expressions.lipSuck(s);
    }
    for (int a = 0; a < offsets.length; a++) {
      offsets[a] = nuisance.offset(a);
    }
    this.gain = nuisance.gain();
    double fps = trace.fps();
    this.rampFrames = (int) Math.round(spec.rampSeconds() * fps);
    this.noiseRho = StrictMath.exp(-1 / (fps * NOISE_TIME_CONSTANT_SECONDS));
    this.noiseInnovation = spec.noiseSd() * Math.sqrt(1 - noiseRho * noiseRho);
    this.meanFramesBetweenBlinks =
        spec.blinksPerMinute() > 0 ? 60 * fps / spec.blinksPerMinute() : Double.POSITIVE_INFINITY;
    this.noiseRng = noiseRng;
    this.occurrenceRng = occurrenceRng;
    this.headRng = headRng;
    for (int a = 0; a < noise.length; a++) {
      noise[a] = spec.noiseSd() * noiseRng.nextGaussian();
    }
    scheduleBlink(0);

    this.gazeRho = StrictMath.exp(-1 / (fps * GAZE_TIME_CONSTANT_SECONDS));
    this.gazeInnovation = 0.06 * Math.sqrt(1 - gazeRho * gazeRho);
    this.gazeBaseX = 0.08 * headRng.nextGaussian();
    this.gazeBaseY = 0.12 + 0.08 * headRng.nextGaussian();
    this.vergence = headRng.uniform(0.03, 0.08);
    this.gazeX = 0.06 * headRng.nextGaussian();
    this.gazeY = 0.06 * headRng.nextGaussian();

    this.poseRho = StrictMath.exp(-1 / (fps * POSE_TIME_CONSTANT_SECONDS));
    poseBase[0] = headRng.uniform(-60, 60);
    poseBase[1] = headRng.uniform(-40, 40);
    poseBase[2] = headRng.uniform(350, 900);
    poseBase[3] = 0.1 + 0.1 * headRng.nextGaussian();
    poseBase[4] = 0.12 * headRng.nextGaussian();
    poseBase[5] = 0.05 * headRng.nextGaussian();
    double[] sd = {8, 8, 25, 0.06, 0.06, 0.03};
    double[] jitter = {0.4, 0.4, 1.5, 0.004, 0.004, 0.002};
    for (int i = 0; i < 6; i++) {
      poseSd[i] = sd[i];
      poseJitter[i] = jitter[i];
      poseState[i] = sd[i] * headRng.nextGaussian();
    }
  }

  /**
   * Fills {@code out} with the next frame's values; confidence and success are left alone, and so
   * are occurrences, gaze and pose when only intensities were asked for (their streams are apart,
   * so the intensities are the same either way).
   */
  void next(FrameValues out) {
    while (trace.segmentStart(segment) + trace.segmentLength(segment) <= frame) {
      segment++;
    }
    double[] current = prototypes[trace.segmentState(segment)];
    double[] previous = prototypes[trace.previousState(segment)];
    double weight = rampWeight(frame - trace.segmentStart(segment), trace.segmentLength(segment));

    double blink = 0;
    if (frame >= blinkStart + blinkLength) {
      scheduleBlink(frame);
    }
    if (frame >= blinkStart) {
      blink = blinkAmplitude * StrictMath.sin(Math.PI * (frame - blinkStart + 0.5) / blinkLength);
    }

    for (int a = 0; a < ActionUnits.COUNT; a++) {
      noise[a] = noiseRho * noise[a] + noiseInnovation * noiseRng.nextGaussian();
      double latent = previous[a] + weight * (current[a] - previous[a]);
      double value = offsets[a] + gain * latent + noise[a];
      if (a == BLINK) {
        value += blink;
      }
      value = clip(value, ActionUnits.MIN_INTENSITY, ActionUnits.MAX_INTENSITY);
      out.intensity[a] = value;
      if (intensitiesOnly) {
        continue;
      }
      double jitter = OCCURRENCE_JITTER * (2 * occurrenceRng.nextDouble() - 1);
      out.occurrence[FrameValues.occurrenceColumn(a)] = value + jitter >= OCCURRENCE_THRESHOLD;
    }
    if (intensitiesOnly) {
      frame++;
      return;
    }
    int dominant = weight >= 0.5 ? trace.segmentState(segment) : trace.previousState(segment);
    out.occurrence[FrameValues.LIP_SUCK_OCCURRENCE] = lipSuck[dominant];

    nextGaze(out.gaze);
    nextPose(out.pose);
    frame++;
  }

  /** Smoothstep from the previous prototype (0) to the current one (1) over the onset ramp. */
  private double rampWeight(int offset, int segmentLength) {
    int ramp = Math.min(rampFrames, segmentLength);
    if (offset >= ramp) {
      return 1;
    }
    double x = (offset + 1) / (double) ramp;
    return x * x * (3 - 2 * x);
  }

  private void scheduleBlink(int after) {
    if (Double.isInfinite(meanFramesBetweenBlinks)) {
      blinkStart = Integer.MAX_VALUE / 2;
      blinkLength = 1;
      return;
    }
    double fps = trace.fps();
    blinkStart = after + (int) Math.round(noiseRng.exponential(meanFramesBetweenBlinks));
    blinkLength = Math.max(2, (int) Math.round(noiseRng.uniform(0.15, 0.35) * fps));
    blinkAmplitude = noiseRng.uniform(1.5, 3.5);
  }

  private void nextGaze(double[] gaze) {
    gazeX = gazeRho * gazeX + gazeInnovation * headRng.nextGaussian();
    gazeY = gazeRho * gazeY + gazeInnovation * headRng.nextGaussian();
    double x = gazeBaseX + gazeX;
    double y = gazeBaseY + gazeY;
    double sumX = 0;
    double sumY = 0;
    double sumZ = 0;
    for (int eye = 0; eye < 2; eye++) {
      double ax = x + (eye == 0 ? vergence : -vergence) + 0.01 * headRng.nextGaussian();
      double ay = y + 0.01 * headRng.nextGaussian();
      double cosY = StrictMath.cos(ay);
      double gx = StrictMath.sin(ax) * cosY;
      double gy = StrictMath.sin(ay);
      double gz = -StrictMath.cos(ax) * cosY;
      gaze[3 * eye] = gx;
      gaze[3 * eye + 1] = gy;
      gaze[3 * eye + 2] = gz;
      sumX += gx;
      sumY += gy;
      sumZ += gz;
    }
    gaze[6] = StrictMath.atan2(sumX, -sumZ);
    gaze[7] = StrictMath.atan2(sumY, -sumZ);
  }

  private void nextPose(double[] pose) {
    double innovation = Math.sqrt(1 - poseRho * poseRho);
    for (int i = 0; i < 6; i++) {
      poseState[i] = poseRho * poseState[i] + innovation * poseSd[i] * headRng.nextGaussian();
      pose[i] = poseBase[i] + poseState[i] + poseJitter[i] * headRng.nextGaussian();
    }
  }

  static double clip(double value, double low, double high) {
    return value < low ? low : (value > high ? high : value);
  }
}
