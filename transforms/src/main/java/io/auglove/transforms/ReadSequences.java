package io.auglove.transforms;

import com.google.common.collect.ImmutableList;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import io.auglove.transforms.records.Track;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The front end that every pipeline shares: {@link ReadOpenFace} -> {@link FilterConfidence} ->
 * {@link Downsample5fps}, and the per-file reports of the three merged into one {@link FileReport}
 * per file.
 *
 * <p>Outputs: {@link #sequencesTag()} the 5 fps sequences; {@link #reportsTag()} one report per
 * file, whose counts reconcile ({@code read = kept + filtered + rejected}); {@link #rejectedTag()}
 * every malformed row.
 *
 * <pre>{@code
 * PCollectionTuple read =
 *     pipeline.apply(ReadSequences.from(patterns).withMinConfidence(0.9).withMaxGapSeconds(2));
 * PCollection<Track> sequences = read.get(ReadSequences.sequencesTag());
 * }</pre>
 */
public final class ReadSequences extends PTransform<PBegin, PCollectionTuple> {

  private static final TupleTag<Track> SEQUENCES = new TupleTag<Track>() {};
  private static final TupleTag<FileReport> REPORTS = new TupleTag<FileReport>() {};
  private static final TupleTag<RejectedRow> REJECTED = new TupleTag<RejectedRow>() {};

  private final ReadOpenFace read;
  private final FilterConfidence filter;
  private final Downsample5fps downsample;

  private ReadSequences(ReadOpenFace read, FilterConfidence filter, Downsample5fps downsample) {
    this.read = read;
    this.filter = filter;
    this.downsample = downsample;
  }

  /** Reads the files of {@code filepatterns} with the paper's confidence threshold and gap. */
  public static ReadSequences from(List<String> filepatterns) {
    return new ReadSequences(
        ReadOpenFace.from(ImmutableList.copyOf(filepatterns)),
        FilterConfidence.create(),
        Downsample5fps.create());
  }

  /** The same, keeping frames of confidence at least {@code minConfidence} (0..1). */
  public ReadSequences withMinConfidence(double minConfidence) {
    return new ReadSequences(read, FilterConfidence.atLeast(minConfidence), downsample);
  }

  /** The same, splitting tracks at gaps longer than {@code maxGapSeconds} (at least 0.2). */
  public ReadSequences withMaxGapSeconds(double maxGapSeconds) {
    return new ReadSequences(read, filter, downsample.withMaxGapSeconds(maxGapSeconds));
  }

  /**
   * The same, reading the files a chunk of about {@code megabytes} at a time: see {@link
   * ReadOpenFace#withReadChunks}.
   */
  public ReadSequences withReadChunks(int megabytes) {
    return new ReadSequences(read.withReadChunks(megabytes), filter, downsample);
  }

  /** The 5 fps sequences. */
  public static TupleTag<Track> sequencesTag() {
    return SEQUENCES;
  }

  /** One report per file read. */
  public static TupleTag<FileReport> reportsTag() {
    return REPORTS;
  }

  /** The rows the reader rejected. */
  public static TupleTag<RejectedRow> rejectedTag() {
    return REJECTED;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple tracks = begin.apply("ReadOpenFace", read);
    PCollectionTuple filtered =
        tracks.get(ReadOpenFace.tracksTag()).apply("FilterConfidence", filter);
    PCollectionTuple sampled =
        filtered.get(FilterConfidence.tracksTag()).apply("Downsample5fps", downsample);
    PCollection<FileReport> reports =
        PCollectionList.of(tracks.get(ReadOpenFace.reportsTag()))
            .and(filtered.get(FilterConfidence.reportsTag()))
            .and(sampled.get(Downsample5fps.reportsTag()))
            .apply("ReportPerFile", MergeReports.perFile());
    return PCollectionTuple.of(SEQUENCES, sampled.get(Downsample5fps.tracksTag()))
        .and(REPORTS, reports)
        .and(REJECTED, tracks.get(ReadOpenFace.rejectedTag()));
  }
}
