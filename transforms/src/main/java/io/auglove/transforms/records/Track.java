package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.auglove.models.ActionUnits;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * One face track: one face in one recording, its frames in time order. The unit that flows through
 * the pipeline, so ordering-sensitive steps (downsampling, co-occurrence windows) need no shuffle.
 * Immutable.
 */
@DefaultCoder(TrackCoder.class)
public final class Track {

  private final TrackId id;
  private final ImmutableList<Frame> frames;

  private Track(TrackId id, ImmutableList<Frame> frames) {
    this.id = id;
    this.frames = frames;
  }

  /** A track of {@code frames}, which must already be in time order. */
  public static Track of(TrackId id, List<Frame> frames) {
    return new Track(checkNotNull(id, "id"), ImmutableList.copyOf(frames));
  }

  /** Where the track comes from. */
  public TrackId id() {
    return id;
  }

  /** The frames, in time order. */
  public ImmutableList<Frame> frames() {
    return frames;
  }

  /** Number of frames. */
  public int size() {
    return frames.size();
  }

  /** The same frames under another id. */
  public Track withId(TrackId newId) {
    return new Track(checkNotNull(newId, "newId"), frames);
  }

  /** The AU intensities of every frame, row-major: {@code size() x 17}. */
  public float[] intensityMatrix() {
    float[] matrix = new float[frames.size() * ActionUnits.COUNT];
    for (int i = 0; i < frames.size(); i++) {
      frames.get(i).copyIntensitiesTo(matrix, i * ActionUnits.COUNT);
    }
    return matrix;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Track that && id.equals(that.id) && frames.equals(that.frames);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + frames.hashCode();
  }

  @Override
  public String toString() {
    return "Track{" + id + ", " + frames.size() + " frames}";
  }
}
