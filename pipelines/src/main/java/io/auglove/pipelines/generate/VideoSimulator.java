package io.auglove.pipelines.generate;

import io.auglove.models.ActionUnits;

/**
 * The latent truth behind a corpus, video by video, without writing files: the state of every frame
 * and the AU intensities the CSV shows before tracking problems. {@link CorpusGenerator} writes
 * exactly what this class simulates, so tests and notebooks can check what a method recovers
 * against what was planted.
 *
 * <pre>{@code
 * CorpusSpec spec = CorpusSpec.defaults();
 * VideoSimulator simulator = VideoSimulator.forSpec(spec);
 * VideoPlan video = CorpusPlan.of(spec).videos().get(0);
 * LatentTrace trace = simulator.latent(video);       // state of every frame of p001_v1
 * double[][] aus = simulator.intensities(video);     // its AUxx_r values before rounding
 * }</pre>
 *
 * <p>Every video's random streams derive from (seed, stream, video index) only, so a video comes
 * out the same whichever videos were simulated before it. The {@code streamIndex} arguments let
 * experiments simulate any number of extra videos with chosen scores; index {@code i} gives the
 * same draws as the corpus video with index {@code i}.
 */
public final class VideoSimulator {

  private final CorpusSpec spec;
  private final ExpressionPrototypes prototypes;
  private final LatentProcess process;

  private VideoSimulator(CorpusSpec spec) {
    this.spec = spec;
    this.prototypes = ExpressionPrototypes.forSpec(spec);
    this.process = new LatentProcess(prototypes, spec.neutralProbability(), spec.jumpProbability());
  }

  /** A simulator of the corpus the spec describes (its seed, prototypes and dynamics). */
  public static VideoSimulator forSpec(CorpusSpec spec) {
    return new VideoSimulator(spec);
  }

  /** The corpus's expression prototypes. */
  public ExpressionPrototypes prototypes() {
    return prototypes;
  }

  /** The latent trace of a video of the corpus. */
  public LatentTrace latent(VideoPlan video) {
    return latent(video.participant().scores(), video.fps(), video.frameCount(), video.index());
  }

  /** The latent trace of a video with the given scores, frame rate, length and stream index. */
  public LatentTrace latent(Scores scores, double fps, int frameCount, long streamIndex) {
    return process.simulate(
        scores,
        fps,
        frameCount,
        Rng.derive(spec.seed(), RngStream.LATENT_STATES, streamIndex),
        Rng.derive(spec.seed(), RngStream.LATENT_DWELLS, streamIndex));
  }

  /**
   * The AU intensities of a video of the corpus before tracking problems and before rounding:
   * {@code [frame][au]} in {@link ActionUnits} order. Frames without tracking problems show these
   * values rounded to 2 decimals.
   */
  public double[][] intensities(VideoPlan video) {
    return intensities(latent(video), video.participant().nuisance(), video.index());
  }

  /** The AU intensities of a latent trace for a participant's nuisance and a stream index. */
  public double[][] intensities(LatentTrace trace, ParticipantNuisance nuisance, long streamIndex) {
    FrameSynthesizer synthesizer = synthesizer(trace, nuisance, streamIndex, true);
    FrameValues values = new FrameValues();
    double[][] result = new double[trace.frameCount()][];
    for (int f = 0; f < result.length; f++) {
      synthesizer.next(values);
      result[f] = values.intensity.clone();
    }
    return result;
  }

  FrameSynthesizer synthesizer(
      LatentTrace trace, ParticipantNuisance nuisance, long streamIndex, boolean intensitiesOnly) {
    return new FrameSynthesizer(
        prototypes,
        trace,
        nuisance,
        spec,
        Rng.derive(spec.seed(), RngStream.AU_NOISE, streamIndex),
        Rng.derive(spec.seed(), RngStream.OCCURRENCE, streamIndex),
        Rng.derive(spec.seed(), RngStream.HEAD, streamIndex),
        intensitiesOnly);
  }

  TrackingProblems trackingProblems(VideoPlan video) {
    Rng rng = Rng.derive(spec.seed(), RngStream.TRACKING, video.index());
    return spec.trackingProblems()
        ? TrackingProblems.plan(video.frameCount(), video.fps(), rng)
        : TrackingProblems.none(video.frameCount(), rng);
  }
}
