package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Comparator;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * Where a track comes from: the OpenFace file, the recording name, the face and, once gaps have
 * split a track, which sequence of that face it is.
 *
 * <p>The recording is the file's name without its directory and its {@code .csv} / {@code .csv.gz}
 * extension; for a file with several faces it is {@code name#face_id}. Track ids order by file,
 * face and segment, which is how every step that gathers tracks puts them in a deterministic order.
 */
@DefaultCoder(TrackIdCoder.class)
public final class TrackId implements Comparable<TrackId> {

  /** Face id of a file without a {@code face_id} column. */
  public static final int NO_FACE_ID = -1;

  private static final Comparator<TrackId> ORDER =
      Comparator.comparing(TrackId::file)
          .thenComparingInt(TrackId::faceId)
          .thenComparingInt(TrackId::segment);

  private final String file;
  private final String recording;
  private final int faceId;
  private final int segment;

  private TrackId(String file, String recording, int faceId, int segment) {
    this.file = file;
    this.recording = recording;
    this.faceId = faceId;
    this.segment = segment;
  }

  /**
   * A track id.
   *
   * @param file the OpenFace file, as matched (local path or {@code gs://} URI)
   * @param recording the recording name (see the class comment)
   * @param faceId OpenFace's face_id, or {@link #NO_FACE_ID}
   * @param segment 0 for a whole track, or the index of the sequence a gap split off
   */
  public static TrackId of(String file, String recording, int faceId, int segment) {
    checkNotNull(file, "file");
    checkNotNull(recording, "recording");
    checkArgument(faceId >= NO_FACE_ID, "faceId must be >= -1, got %s", faceId);
    checkArgument(segment >= 0, "segment must be >= 0, got %s", segment);
    return new TrackId(file, recording, faceId, segment);
  }

  /** The recording name of {@code file}: its base name without {@code .csv} or {@code .csv.gz}. */
  public static String recordingName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    for (String extension : new String[] {".csv.gz", ".gz", ".csv"}) {
      if (name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  /** The same track's sequence number {@code segment}. */
  public TrackId withSegment(int segment) {
    return of(file, recording, faceId, segment);
  }

  /** The OpenFace file. */
  public String file() {
    return file;
  }

  /** The recording name: file name without extension, {@code name#face_id} in multi-face files. */
  public String recording() {
    return recording;
  }

  /** OpenFace's face_id, or {@link #NO_FACE_ID}. */
  public int faceId() {
    return faceId;
  }

  /** Index of this sequence among the sequences that gaps split the face's track into. */
  public int segment() {
    return segment;
  }

  @Override
  public int compareTo(TrackId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrackId that
        && faceId == that.faceId
        && segment == that.segment
        && file.equals(that.file)
        && recording.equals(that.recording);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, recording, faceId, segment);
  }

  @Override
  public String toString() {
    return recording + (segment == 0 ? "" : "/" + segment) + " (" + file + ")";
  }
}
