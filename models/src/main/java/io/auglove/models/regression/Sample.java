package io.auglove.models.regression;

import com.google.common.base.Preconditions;
import io.auglove.models.ActionUnits;
import java.util.Arrays;

/**
 * One labelled recording as the downstream models see it: its 5 fps AU frames and their token ids,
 * in time order, and one target score.
 *
 * <p>A recording that gaps split into several sequences is one sample: its sequences are joined in
 * time order, and {@code sequenceStarts} keeps where each began, so features that compare
 * neighbouring frames (first differences, activation lengths) never compare across a gap.
 *
 * @param id the recording, as the labels file names it
 * @param group the participant; cross-validation never puts one group on both sides
 * @param aus frames × {@link ActionUnits#COUNT} intensities
 * @param tokenIds one vocabulary index per frame (the bundle's {@code vocab.tsv} index)
 * @param sequenceStarts the frame index at which each sequence begins; the first is 0
 * @param target the score to estimate
 */
public record Sample(
    String id, String group, float[][] aus, int[] tokenIds, int[] sequenceStarts, double target) {

  public Sample {
    Preconditions.checkArgument(aus.length > 0, "sample %s has no frames", id);
    Preconditions.checkArgument(
        tokenIds.length == aus.length,
        "sample %s has %s frames but %s token ids",
        id,
        aus.length,
        tokenIds.length);
    Preconditions.checkArgument(
        sequenceStarts.length > 0 && sequenceStarts[0] == 0,
        "sample %s: the first sequence must start at frame 0",
        id);
    for (int i = 1; i < sequenceStarts.length; i++) {
      Preconditions.checkArgument(
          sequenceStarts[i] > sequenceStarts[i - 1] && sequenceStarts[i] < aus.length,
          "sample %s: sequence starts must increase within the frames",
          id);
    }
    for (float[] frame : aus) {
      Preconditions.checkArgument(
          frame.length == ActionUnits.COUNT, "sample %s: a frame has %s AUs", id, frame.length);
    }
  }

  /** A sample of one sequence. */
  public static Sample of(String id, String group, float[][] aus, int[] tokenIds, double target) {
    return new Sample(id, group, aus, tokenIds, new int[] {0}, target);
  }

  /** The same frames with another target. */
  public Sample withTarget(double newTarget) {
    return new Sample(id, group, aus, tokenIds, sequenceStarts, newTarget);
  }

  /** Number of frames. */
  public int length() {
    return aus.length;
  }

  /** Number of sequences joined into this sample. */
  public int sequenceCount() {
    return sequenceStarts.length;
  }

  /** First frame of sequence {@code s}. */
  public int sequenceStart(int s) {
    return sequenceStarts[s];
  }

  /** One past the last frame of sequence {@code s}. */
  public int sequenceEnd(int s) {
    return s + 1 < sequenceStarts.length ? sequenceStarts[s + 1] : aus.length;
  }

  /** The targets of {@code samples}, in order. */
  public static double[] targets(java.util.List<Sample> samples) {
    return samples.stream().mapToDouble(Sample::target).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s
        && id.equals(s.id)
        && group.equals(s.group)
        && Arrays.deepEquals(aus, s.aus)
        && Arrays.equals(tokenIds, s.tokenIds)
        && Arrays.equals(sequenceStarts, s.sequenceStarts)
        && Double.compare(target, s.target) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Double.hashCode(target);
  }

  @Override
  public String toString() {
    return "Sample[" + id + ", group " + group + ", " + aus.length + " frames, " + target + "]";
  }
}
