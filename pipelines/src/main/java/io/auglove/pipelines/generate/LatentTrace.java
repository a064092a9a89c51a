package io.auglove.pipelines.generate;

/**
 * The latent truth of one simulated video: the sequence of states (segments) and the state of every
 * frame. A segment is one visit of one state; consecutive segments always have different states, so
 * the runs of equal per-frame states are exactly the segments.
 *
 * <p>The first segment may have started before frame 0 and the last may go on after the last frame;
 * {@link #isCensored(int)} tells, and dwell-time statistics should leave those two out.
 */
public final class LatentTrace {

  private final double fps;
  private final int[] frameStates;
  private final int[] segmentStates;
  private final int[] segmentStarts;
  private final int[] segmentLengths;
  private final int[] previousStates;

  LatentTrace(
      double fps,
      int frameCount,
      int[] segmentStates,
      int[] segmentStarts,
      int[] segmentLengths,
      int[] previousStates) {
    this.fps = fps;
    this.segmentStates = segmentStates;
    this.segmentStarts = segmentStarts;
    this.segmentLengths = segmentLengths;
    this.previousStates = previousStates;
    this.frameStates = new int[frameCount];
    for (int s = 0; s < segmentStates.length; s++) {
      int from = Math.max(0, segmentStarts[s]);
      int to = Math.min(frameCount, segmentStarts[s] + segmentLengths[s]);
      for (int f = from; f < to; f++) {
        frameStates[f] = segmentStates[s];
      }
    }
  }

  /** The frame rate the trace was simulated at. */
  public double fps() {
    return fps;
  }

  /** Number of frames. */
  public int frameCount() {
    return frameStates.length;
  }

  /** The latent state of a frame (0-based frame index; the CSV's {@code frame} minus 1). */
  public int state(int frame) {
    return frameStates[frame];
  }

  /** The latent state of every frame (a copy). */
  public int[] states() {
    return frameStates.clone();
  }

  /** Number of segments that overlap the video. */
  public int segmentCount() {
    return segmentStates.length;
  }

  /** The state of a segment. */
  public int segmentState(int segment) {
    return segmentStates[segment];
  }

  /** The first frame of a segment; negative when it began before the video. */
  public int segmentStart(int segment) {
    return segmentStarts[segment];
  }

  /** The length of a segment in frames, its full dwell time even when censored. */
  public int segmentLength(int segment) {
    return segmentLengths[segment];
  }

  /** The state before a segment, whose prototype the segment's onset ramp starts from. */
  public int previousState(int segment) {
    return previousStates[segment];
  }

  /** Whether a segment began before the first frame or ends after the last one. */
  public boolean isCensored(int segment) {
    return segmentStarts[segment] < 0
        || segmentStarts[segment] + segmentLengths[segment] > frameStates.length;
  }
}
