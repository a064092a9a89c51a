package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackCoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Keeps the frames OpenFace tracked well: {@code success == 1} and {@code confidence >= threshold}
 * (default 0.9, the paper's). A frame with {@code success == 0} is counted as such whatever its
 * confidence (OpenFace does not always zero the AUs of such frames, so the flag must be looked at).
 * Tracks left without frames are dropped.
 *
 * <p>Outputs: {@link #tracksTag()} the filtered tracks, {@link #reportsTag()} per track a {@link
 * FileReport} part with the frames removed for low confidence and for success = 0.
 */
public final class FilterConfidence extends PTransform<PCollection<Track>, PCollectionTuple> {

  /** The paper's threshold: frames with an OpenFace confidence below 90% are removed. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.9;

  private static final TupleTag<Track> TRACKS = new TupleTag<Track>() {};
  private static final TupleTag<FileReport> REPORTS = new TupleTag<FileReport>() {};

  private final float minConfidence;

  private FilterConfidence(float minConfidence) {
    this.minConfidence = minConfidence;
  }

  /** Keeps frames with success = 1 and a confidence of at least 0.9. */
  public static FilterConfidence create() {
    return atLeast(DEFAULT_MIN_CONFIDENCE);
  }

  /** Keeps frames with success = 1 and a confidence of at least {@code minConfidence} (0..1). */
  public static FilterConfidence atLeast(double minConfidence) {
    checkArgument(
        minConfidence >= 0 && minConfidence <= 1,
        "minConfidence must be within 0..1, got %s",
        minConfidence);
    // Compared as a float, as confidences are stored: 0.9 and a parsed "0.90" are then the same
    // value.
    return new FilterConfidence((float) minConfidence);
  }

  /** The filtered tracks. */
  public static TupleTag<Track> tracksTag() {
    return TRACKS;
  }

  /** Report parts: frames removed per file and reason. */
  public static TupleTag<FileReport> reportsTag() {
    return REPORTS;
  }

  @Override
  public PCollectionTuple expand(PCollection<Track> tracks) {
    PCollectionTuple filtered =
        tracks.apply(
            "KeepConfidentFrames",
            ParDo.of(new FilterFn(minConfidence)).withOutputTags(TRACKS, TupleTagList.of(REPORTS)));
    filtered.get(TRACKS).setCoder(TrackCoder.of());
    filtered.get(REPORTS).setCoder(FileReport.Coder.of());
    return filtered;
  }

  /** Filters one track's frames. */
  static final class FilterFn extends DoFn<Track, Track> {
    private final float minConfidence;
    private final Counter lowConfidence =
        Metrics.counter(FilterConfidence.class, "frames_low_confidence");
    private final Counter successZero = Metrics.counter(FilterConfidence.class, "frames_success_0");
    private final BusyTime busy = new BusyTime(FilterConfidence.class);

    FilterFn(float minConfidence) {
      this.minConfidence = minConfidence;
    }

    @ProcessElement
    public void process(@Element Track track, MultiOutputReceiver out) {
      long start = BusyTime.start();
      List<Frame> kept = new ArrayList<>(track.size());
      long low = 0;
      long zero = 0;
      for (Frame frame : track.frames()) {
        if (!frame.success()) {
          zero++;
        } else if (frame.confidence() < minConfidence) {
          low++;
        } else {
          kept.add(frame);
        }
      }
      if (!kept.isEmpty()) {
        out.get(TRACKS).output(Track.of(track.id(), kept));
      }
      out.get(REPORTS).output(FileReport.filtering(track.id().file(), low, zero));
      lowConfidence.inc(low);
      successZero.inc(zero);
      busy.stop(start);
    }
  }
}
