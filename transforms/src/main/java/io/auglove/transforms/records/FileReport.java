package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The quality report of one input file, or a part of it: each step reports what it did to the
 * file's frames, and {@link #merge} adds the parts up. For a file read without error the counts
 * reconcile: {@code read = kept + lowConfidence + successZero + downsampled + rejected} (see {@link
 * #reconciles()}).
 *
 * <ul>
 *   <li>{@code tracks}: face tracks read (one per face_id);
 *   <li>{@code sequences}: sequences after gap splitting that reach k-means;
 *   <li>{@code read}: data rows read (every line after the header);
 *   <li>{@code kept}: 5 fps frames that reach k-means;
 *   <li>{@code lowConfidence}, {@code successZero}: frames removed by FilterConfidence, by reason;
 *   <li>{@code downsampled}: frames that Downsample5fps did not pick;
 *   <li>{@code rejected}: malformed rows;
 *   <li>{@code error}: why the whole file was refused (empty when it was not); a refused file
 *       counts nothing.
 * </ul>
 */
@DefaultCoder(FileReport.Coder.class)
public final class FileReport {

  private final String file;
  private final String sha256;
  private final long tracks;
  private final long sequences;
  private final long read;
  private final long kept;
  private final long lowConfidence;
  private final long successZero;
  private final long downsampled;
  private final long rejected;
  private final String error;

  private FileReport(
      String file,
      String sha256,
      long tracks,
      long sequences,
      long read,
      long kept,
      long lowConfidence,
      long successZero,
      long downsampled,
      long rejected,
      String error) {
    this.file = checkNotNull(file, "file");
    this.sha256 = checkNotNull(sha256, "sha256");
    this.tracks = tracks;
    this.sequences = sequences;
    this.read = read;
    this.kept = kept;
    this.lowConfidence = lowConfidence;
    this.successZero = successZero;
    this.downsampled = downsampled;
    this.rejected = rejected;
    this.error = checkNotNull(error, "error");
  }

  /** The reader's part: the file's content hash, face tracks, rows read and rows rejected. */
  public static FileReport reading(
      String file, String sha256, long tracks, long read, long rejected) {
    return new FileReport(file, sha256, tracks, 0, read, 0, 0, 0, 0, rejected, "");
  }

  /**
   * A file refused whole, with the reason (which names the file and, where it applies, the column).
   */
  public static FileReport failed(String file, String sha256, String error) {
    checkArgument(!error.isEmpty(), "a failed file needs a reason");
    return new FileReport(file, sha256, 0, 0, 0, 0, 0, 0, 0, 0, error);
  }

  /** FilterConfidence's part: frames removed for low confidence and for success = 0. */
  public static FileReport filtering(String file, long lowConfidence, long successZero) {
    return new FileReport(file, "", 0, 0, 0, 0, lowConfidence, successZero, 0, 0, "");
  }

  /** Downsample5fps's part: sequences and frames kept, frames not picked. */
  public static FileReport downsampling(String file, long sequences, long kept, long downsampled) {
    return new FileReport(file, "", 0, sequences, 0, kept, 0, 0, downsampled, 0, "");
  }

  /** An empty report of {@code file}, the identity of {@link #merge}. */
  public static FileReport empty(String file) {
    return new FileReport(file, "", 0, 0, 0, 0, 0, 0, 0, 0, "");
  }

  /** The sum of two parts of the same file's report. */
  public FileReport merge(FileReport other) {
    checkArgument(file.equals(other.file), "cannot merge reports of %s and %s", file, other.file);
    return plus(file, other);
  }

  /** The counts of every file of {@code reports} added up, under the name {@code name}. */
  public static FileReport total(String name, Iterable<FileReport> reports) {
    FileReport total = empty(name);
    for (FileReport report : reports) {
      total = total.plus(name, report);
    }
    return new FileReport(
        name,
        "",
        total.tracks,
        total.sequences,
        total.read,
        total.kept,
        total.lowConfidence,
        total.successZero,
        total.downsampled,
        total.rejected,
        "");
  }

  /**
   * These counts plus {@code other}'s, named {@code name}; the first hash and error found are kept.
   */
  private FileReport plus(String name, FileReport other) {
    return new FileReport(
        name,
        sha256.isEmpty() ? other.sha256 : sha256,
        tracks + other.tracks,
        sequences + other.sequences,
        read + other.read,
        kept + other.kept,
        lowConfidence + other.lowConfidence,
        successZero + other.successZero,
        downsampled + other.downsampled,
        rejected + other.rejected,
        error.isEmpty() ? other.error : error);
  }

  /** Whether {@code read = kept + lowConfidence + successZero + downsampled + rejected}. */
  public boolean reconciles() {
    return read == kept + lowConfidence + successZero + downsampled + rejected;
  }

  public String file() {
    return file;
  }

  /**
   * SHA-256 of the file's (decompressed) content, hex; empty in parts that do not read the file.
   */
  public String sha256() {
    return sha256;
  }

  public long tracks() {
    return tracks;
  }

  public long sequences() {
    return sequences;
  }

  public long read() {
    return read;
  }

  public long kept() {
    return kept;
  }

  public long lowConfidence() {
    return lowConfidence;
  }

  public long successZero() {
    return successZero;
  }

  public long downsampled() {
    return downsampled;
  }

  public long rejected() {
    return rejected;
  }

  /** Frames removed by filtering and downsampling together. */
  public long filtered() {
    return lowConfidence + successZero + downsampled;
  }

  /** Why the file was refused whole; empty if it was not. */
  public String error() {
    return error;
  }

  /** Whether the file was refused whole. */
  public boolean failed() {
    return !error.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileReport that
        && file.equals(that.file)
        && sha256.equals(that.sha256)
        && tracks == that.tracks
        && sequences == that.sequences
        && read == that.read
        && kept == that.kept
        && lowConfidence == that.lowConfidence
        && successZero == that.successZero
        && downsampled == that.downsampled
        && rejected == that.rejected
        && error.equals(that.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, tracks, read, kept, rejected, error);
  }

  @Override
  public String toString() {
    return String.format(
        "%s: tracks=%d sequences=%d read=%d kept=%d low_confidence=%d success_0=%d downsampled=%d"
            + " rejected=%d%s",
        file,
        tracks,
        sequences,
        read,
        kept,
        lowConfidence,
        successZero,
        downsampled,
        rejected,
        error.isEmpty() ? "" : " error=" + error);
  }

  /** Deterministic coder of {@link FileReport}. */
  public static final class Coder extends AtomicCoder<FileReport> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    /** Lets {@code @DefaultCoder} find this coder for {@link FileReport}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(FileReport.class), INSTANCE);
    }

    /** The coder. */
    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FileReport r, OutputStream out) throws IOException {
      STRING.encode(r.file, out);
      STRING.encode(r.sha256, out);
      for (long count :
          new long[] {
            r.tracks,
            r.sequences,
            r.read,
            r.kept,
            r.lowConfidence,
            r.successZero,
            r.downsampled,
            r.rejected
          }) {
        VarInt.encode(count, out);
      }
      STRING.encode(r.error, out);
    }

    @Override
    public FileReport decode(InputStream in) throws IOException {
      String file = STRING.decode(in);
      String sha256 = STRING.decode(in);
      long[] c = new long[8];
      for (int i = 0; i < c.length; i++) {
        c[i] = VarInt.decodeLong(in);
      }
      return new FileReport(
          file, sha256, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
