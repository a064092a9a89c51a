package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * A data row that {@link io.auglove.transforms.ReadOpenFace} refused: the file, the 1-based line
 * number (the header is line 1), why, a detail that names the column and value, and the row's raw
 * text.
 */
@DefaultCoder(RejectedRow.Coder.class)
public final class RejectedRow implements Comparable<RejectedRow> {

  private static final Comparator<RejectedRow> ORDER =
      Comparator.comparing(RejectedRow::file).thenComparingLong(RejectedRow::line);

  private final String file;
  private final long line;
  private final RejectReason reason;
  private final String detail;
  private final String raw;

  private RejectedRow(String file, long line, RejectReason reason, String detail, String raw) {
    this.file = checkNotNull(file, "file");
    this.line = line;
    this.reason = checkNotNull(reason, "reason");
    this.detail = checkNotNull(detail, "detail");
    this.raw = checkNotNull(raw, "raw");
  }

  /** A rejected row. */
  public static RejectedRow of(
      String file, long line, RejectReason reason, String detail, String raw) {
    return new RejectedRow(file, line, reason, detail, raw);
  }

  /** The file the row is in. */
  public String file() {
    return file;
  }

  /** The row's 1-based line number in the file (the header is line 1). */
  public long line() {
    return line;
  }

  /** Why the row was refused. */
  public RejectReason reason() {
    return reason;
  }

  /** What exactly is wrong, naming the column and the value. */
  public String detail() {
    return detail;
  }

  /** The row as it is in the file. */
  public String raw() {
    return raw;
  }

  @Override
  public int compareTo(RejectedRow other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RejectedRow that
        && line == that.line
        && file.equals(that.file)
        && reason == that.reason
        && detail.equals(that.detail)
        && raw.equals(that.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, reason, detail, raw);
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason.label() + ": " + detail;
  }

  /** Deterministic coder of {@link RejectedRow}. */
  public static final class Coder extends AtomicCoder<RejectedRow> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    /** Lets {@code @DefaultCoder} find this coder for {@link RejectedRow}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(RejectedRow.class), INSTANCE);
    }

    /** The coder. */
    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(RejectedRow row, OutputStream out) throws IOException {
      STRING.encode(row.file, out);
      VarInt.encode(row.line, out);
      VarInt.encode(row.reason.ordinal(), out);
      STRING.encode(row.detail, out);
      STRING.encode(row.raw, out);
    }

    @Override
    public RejectedRow decode(InputStream in) throws IOException {
      String file = STRING.decode(in);
      long line = VarInt.decodeLong(in);
      RejectReason reason = RejectReason.values()[VarInt.decodeInt(in)];
      return new RejectedRow(file, line, reason, STRING.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
