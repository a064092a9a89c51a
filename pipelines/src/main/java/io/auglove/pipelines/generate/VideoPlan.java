package io.auglove.pipelines.generate;

/**
 * One synthetic recording, before it is simulated.
 *
 * @param index the video's position in the corpus, from 0; its random streams derive from it
 * @param recording the recording name, like {@code p007_v2}
 * @param participant whose video it is
 * @param videoNumber the video's number among the participant's videos, from 1
 * @param fps the frame rate
 * @param frameCount the number of frames (rows of the CSV)
 * @param format how the CSV is written
 */
public record VideoPlan(
    int index,
    String recording,
    Participant participant,
    int videoNumber,
    double fps,
    int frameCount,
    RecordingFormat format) {

  /** The path of the recording's file relative to the corpus directory. */
  public String relativePath() {
    return "recordings/" + format.fileName(recording);
  }
}
