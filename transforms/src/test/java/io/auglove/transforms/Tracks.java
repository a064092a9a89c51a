package io.auglove.transforms;

import io.auglove.models.ActionUnits;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds tracks for tests. */
public final class Tracks {

  private Tracks() {}

  /** A frame whose 17 AUs all equal {@code au}. */
  public static Frame frame(
      int number, double timestamp, double confidence, boolean success, float au) {
    float[] aus = new float[ActionUnits.COUNT];
    Arrays.fill(aus, au);
    return Frame.of(number, timestamp, (float) confidence, success, aus);
  }

  /**
   * A confident frame whose AUs all equal its frame number, so tests can tell which frames were
   * kept.
   */
  public static Frame frame(int number, double timestamp) {
    return frame(number, timestamp, 0.98, true, number);
  }

  /**
   * Frames 0..count-1 at {@code fps}, timestamps rounded to milliseconds as OpenFace writes them.
   */
  public static List<Frame> atRate(double fps, int count) {
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(frame(i, Math.round(i / fps * 1000) / 1000.0));
    }
    return frames;
  }

  /** A track of one face of {@code file}. */
  public static Track track(String file, List<Frame> frames) {
    return Track.of(TrackId.of(file, TrackId.recordingName(file), 0, 0), frames);
  }
}
