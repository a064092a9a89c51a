package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.auglove.transforms.openface.OpenFaceFileReader;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackCoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads OpenFace 2.x CSV files (plain or gzip, any of OpenFace's header and spacing variants) into
 * face tracks: one {@link Track} per face_id per file, frames in file order, only the columns the
 * method needs parsed.
 *
 * <p>Three outputs: {@link #tracksTag()} the tracks; {@link #rejectedTag()} the malformed rows,
 * each with file, line, reason and raw text; {@link #reportsTag()} one {@link FileReport} per file
 * with the rows read and rejected, or the reason the whole file was refused (empty, header only, a
 * header line over the length limit, a needed column missing, corrupt gzip). A refused file does
 * not stop the pipeline. See {@link OpenFaceFileReader} for the exact rules.
 *
 * <pre>{@code
 * PCollectionTuple read = pipeline.apply(ReadOpenFace.from("gs://bucket/openface/*.csv"));
 * PCollection<Track> tracks = read.get(ReadOpenFace.tracksTag());
 * }</pre>
 */
public final class ReadOpenFace extends PTransform<PBegin, PCollectionTuple> {

  private static final TupleTag<Track> TRACKS = new TupleTag<Track>() {};
  private static final TupleTag<RejectedRow> REJECTED = new TupleTag<RejectedRow>() {};
  private static final TupleTag<FileReport> REPORTS = new TupleTag<FileReport>() {};

  /** Files are spread one by one (Beam's reshuffle of matched files). */
  public static final int FILE_BY_FILE = 0;

  private final ImmutableList<String> filepatterns;
  private final int chunkMegabytes;

  private ReadOpenFace(ImmutableList<String> filepatterns, int chunkMegabytes) {
    this.filepatterns = filepatterns;
    this.chunkMegabytes = chunkMegabytes;
  }

  /**
   * Reads the files that {@code filepattern} (a path or glob, local or {@code gs://}) matches; a
   * path that matches nothing is an error.
   */
  public static ReadOpenFace from(String filepattern) {
    return from(List.of(filepattern));
  }

  /**
   * Reads the files that any of {@code filepatterns} match. A pattern without wildcards must match
   * a file; a glob may match nothing.
   */
  public static ReadOpenFace from(List<String> filepatterns) {
    checkArgument(!filepatterns.isEmpty(), "filepatterns must not be empty");
    for (String pattern : filepatterns) {
      checkArgument(pattern != null && !pattern.isBlank(), "filepattern must not be empty");
    }
    return new ReadOpenFace(ImmutableList.copyOf(filepatterns), FILE_BY_FILE);
  }

  /**
   * The same, reading the files in path order a chunk of about {@code megabytes} at a time, or
   * spread one by one with {@link #FILE_BY_FILE}. A chunk is one bundle of every later step, and
   * the DirectRunner reads the next chunks only once the later steps are done with the last ones
   * (see the package-private {@code FileChunksSource}): it then holds a few chunks of rows, however
   * large the corpus, and does its per-bundle work (setting up steps, copying the running counts)
   * once per chunk rather than once per file.
   */
  public ReadOpenFace withReadChunks(int megabytes) {
    checkArgument(
        megabytes >= 0, "readChunkMegabytes must be 0 (file by file) or more, got %s", megabytes);
    return new ReadOpenFace(filepatterns, megabytes);
  }

  /** Reads files already matched, for pipelines that find their files another way. */
  public static Files files() {
    return new Files();
  }

  /** The face tracks. */
  public static TupleTag<Track> tracksTag() {
    return TRACKS;
  }

  /** The rejected rows. */
  public static TupleTag<RejectedRow> rejectedTag() {
    return REJECTED;
  }

  /** One report per file. */
  public static TupleTag<FileReport> reportsTag() {
    return REPORTS;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollection<MatchResult.Metadata> matched =
        chunkMegabytes == FILE_BY_FILE
            ? input
                .apply("Patterns", Create.of(filepatterns).withCoder(StringUtf8Coder.of()))
                .apply(
                    "MatchFiles",
                    FileIO.matchAll()
                        .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD))
            : input.apply(
                "MatchFilesInChunks",
                Read.from(FileChunksSource.of(filepatterns, chunkMegabytes * (1L << 20))));
    return matched
        // Compression is recognised by content, not by name: see OpenFaceFileReader.
        .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
        .apply("ParseFiles", files());
  }

  /** {@link ReadOpenFace} on files already matched. */
  public static final class Files
      extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {

    private Files() {}

    @Override
    public PCollectionTuple expand(PCollection<FileIO.ReadableFile> files) {
      PCollectionTuple parsed =
          files.apply(
              "ParseOpenFace",
              ParDo.of(new ParseFileFn())
                  .withOutputTags(TRACKS, TupleTagList.of(REJECTED).and(REPORTS)));
      parsed.get(TRACKS).setCoder(TrackCoder.of());
      parsed.get(REJECTED).setCoder(RejectedRow.Coder.of());
      parsed.get(REPORTS).setCoder(FileReport.Coder.of());
      return parsed;
    }
  }

  /** Parses one file, sending tracks, rejected rows and the file's report to their outputs. */
  static final class ParseFileFn extends DoFn<FileIO.ReadableFile, Track> {
    private static final Logger LOG = LoggerFactory.getLogger(ReadOpenFace.class);

    private final Counter files = Metrics.counter(ReadOpenFace.class, "files");
    private final Counter refused = Metrics.counter(ReadOpenFace.class, "files_refused");
    private final Counter rows = Metrics.counter(ReadOpenFace.class, "rows_read");
    private final Counter rejected = Metrics.counter(ReadOpenFace.class, "rows_rejected");
    private final BusyTime busy = new BusyTime(ReadOpenFace.class);

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out)
        throws IOException {
      String name = file.getMetadata().resourceId().toString();
      long start = System.nanoTime();
      long busyStart = BusyTime.start();
      FileReport report;
      try (InputStream content = Channels.newInputStream(file.open())) {
        report =
            OpenFaceFileReader.read(
                name,
                content,
                new OpenFaceFileReader.Sink() {
                  @Override
                  public void track(Track track) {
                    out.get(TRACKS).output(track);
                  }

                  @Override
                  public void rejected(RejectedRow row) {
                    out.get(REJECTED).output(row);
                  }
                });
      } catch (IOException e) {
        throw new IOException("reading " + name + " failed: " + e.getMessage(), e);
      }
      out.get(REPORTS).output(report);
      files.inc();
      rows.inc(report.read());
      rejected.inc(report.rejected());
      busy.stop(busyStart);
      if (report.failed()) {
        refused.inc();
        LOG.warn("Refused {}", report.error());
      } else {
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(
            "Read {}: {} rows, {} track(s), {} rejected ({} rows/s)",
            name,
            report.read(),
            report.tracks(),
            report.rejected(),
            Math.round(report.read() / Math.max(seconds, 1e-9)));
      }
    }
  }
}
