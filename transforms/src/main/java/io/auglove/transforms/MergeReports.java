package io.auglove.transforms;

import com.google.common.io.ByteStreams;
import io.auglove.transforms.records.FileReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Adds up the {@link FileReport} parts that the steps emit (reading, filtering, downsampling) into
 * one report per file.
 *
 * <p>One global combine of every file's parts, not a combine per file: the DirectRunner hands each
 * key of a grouping on in a bundle of its own, at a fixed cost per bundle, which made a corpus of
 * 3,000 files spend most of its run merging reports.
 *
 * <p>Its partial results are the parts encoded one after the other ({@link EncodedParts}), added up
 * by file only at the end. A runner may copy a partial result many times: the DirectRunner copies
 * everything a grouping holds, through its coder, for each bundle that reaches it, so that each
 * part is copied about as many times as there are bundles. As one array, that copy is a copy of
 * memory; as a map of reports it was every report encoded and decoded again.
 */
public final class MergeReports
    extends PTransform<PCollectionList<FileReport>, PCollection<FileReport>> {

  private MergeReports() {}

  /** Merges every part of the same file. */
  public static MergeReports perFile() {
    return new MergeReports();
  }

  @Override
  public PCollection<FileReport> expand(PCollectionList<FileReport> parts) {
    return parts
        .apply("FlattenParts", Flatten.pCollections())
        .apply("AddUp", CombineAll.of(new AddUpFn()))
        .apply(
            "Reports",
            FlatMapElements.into(TypeDescriptor.of(FileReport.class))
                .via((Map<String, FileReport> byFile) -> byFile.values()))
        .setCoder(FileReport.Coder.of());
  }

  /** Report parts into one report per file, keyed by the file. */
  static final class AddUpFn
      extends Combine.CombineFn<FileReport, EncodedParts, Map<String, FileReport>> {

    @Override
    public EncodedParts createAccumulator() {
      return new EncodedParts();
    }

    @Override
    public EncodedParts addInput(EncodedParts parts, FileReport part) {
      parts.add(part);
      return parts;
    }

    @Override
    public EncodedParts mergeAccumulators(Iterable<EncodedParts> accumulators) {
      EncodedParts merged = createAccumulator();
      for (EncodedParts parts : accumulators) {
        merged.addAll(parts);
      }
      return merged;
    }

    @Override
    public Map<String, FileReport> extractOutput(EncodedParts parts) {
      return parts.byFile();
    }

    @Override
    public Coder<EncodedParts> getAccumulatorCoder(
        CoderRegistry registry, Coder<FileReport> inputCoder) {
      return EncodedParts.Coder.of();
    }

    @Override
    public Coder<Map<String, FileReport>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<FileReport> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), FileReport.Coder.of());
    }
  }

  /** Report parts, each encoded with {@link FileReport.Coder}, one after the other. */
  static final class EncodedParts {
    private static final FileReport.Coder PART = FileReport.Coder.of();

    private final Bytes bytes;

    EncodedParts() {
      this.bytes = new Bytes();
    }

    private EncodedParts(byte[] encoded) {
      this.bytes = new Bytes(encoded);
    }

    void add(FileReport part) {
      try {
        PART.encode(part, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode the report part of " + part.file(), e);
      }
    }

    void addAll(EncodedParts other) {
      try {
        other.bytes.writeTo(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
      }
    }

    /** The parts added up into one report per file. */
    Map<String, FileReport> byFile() {
      Map<String, FileReport> reports = new HashMap<>();
      ByteArrayInputStream in = bytes.reader();
      try {
        while (in.available() > 0) {
          FileReport part = PART.decode(in);
          reports.merge(part.file(), part, FileReport::merge);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot decode the report parts", e);
      }
      return reports;
    }

    /**
     * A growing array that takes a decoded one as it is and is read in place: no copy of either.
     */
    private static final class Bytes extends ByteArrayOutputStream {
      Bytes() {}

      Bytes(byte[] encoded) {
        super(0);
        buf = encoded;
        count = encoded.length;
      }

      ByteArrayInputStream reader() {
        return new ByteArrayInputStream(buf, 0, count);
      }
    }

    /** The parts' bytes behind their length: encoded and decoded as one array. */
    static final class Coder extends AtomicCoder<EncodedParts> {
      private static final Coder INSTANCE = new Coder();

      static Coder of() {
        return INSTANCE;
      }

      @Override
      public void encode(EncodedParts parts, OutputStream out) throws IOException {
        VarInt.encode(parts.bytes.size(), out);
        parts.bytes.writeTo(out);
      }

      @Override
      public EncodedParts decode(InputStream in) throws IOException {
        byte[] encoded = new byte[VarInt.decodeInt(in)];
        ByteStreams.readFully(in, encoded);
        return new EncodedParts(encoded);
      }
    }
  }
}
