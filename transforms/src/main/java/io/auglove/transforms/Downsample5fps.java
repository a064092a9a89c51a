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
 * Resamples tracks to 5 frames per second on a fixed grid, from any input rate (15, 25, 29.97, 30,
 * 60 fps, or uneven timestamps after filtering), and splits a track where a gap is too long.
 *
 * <p>The rules, exactly:
 *
 * <ol>
 *   <li>A gap between consecutive frames longer than {@code maxGapSeconds} (default 2 s) splits the
 *       track into separate sequences, numbered 0, 1, ... in {@link
 *       io.auglove.transforms.records.TrackId#segment()}.
 *   <li>The ticks are the whole multiples of 0.2 s of OpenFace's timestamp. Each frame belongs to
 *       the one tick whose window (tick − 0.1 s, tick + 0.1 s] holds it, so no frame is picked
 *       twice.
 *   <li>Each tick keeps the frame of its window nearest to it; of two equally near, the earlier. A
 *       tick with no frame in its window keeps none.
 * </ol>
 *
 * <p>Timestamps are compared in whole microseconds, so decimal timestamps such as 0.1 and 0.3 fall
 * on window edges exactly. Outputs: {@link #tracksTag()} the sequences, {@link #reportsTag()} per
 * track a {@link FileReport} part with the sequences and frames kept and the frames not picked.
 */
public final class Downsample5fps extends PTransform<PCollection<Track>, PCollectionTuple> {

  /** Gaps longer than this split a track, by default. */
  public static final double DEFAULT_MAX_GAP_SECONDS = 2.0;

  private static final long TICK_MICROS = 200_000;
  private static final long HALF_TICK_MICROS = TICK_MICROS / 2;

  private static final TupleTag<Track> TRACKS = new TupleTag<Track>() {};
  private static final TupleTag<FileReport> REPORTS = new TupleTag<FileReport>() {};

  private final double maxGapSeconds;

  private Downsample5fps(double maxGapSeconds) {
    this.maxGapSeconds = maxGapSeconds;
  }

  /** Downsamples with the default gap limit of 2 s. */
  public static Downsample5fps create() {
    return new Downsample5fps(DEFAULT_MAX_GAP_SECONDS);
  }

  /**
   * The same, splitting tracks at gaps longer than {@code maxGapSeconds} (at least one tick, 0.2
   * s).
   */
  public Downsample5fps withMaxGapSeconds(double maxGapSeconds) {
    checkArgument(
        maxGapSeconds >= 0.2 && Double.isFinite(maxGapSeconds),
        "maxGapSeconds must be a finite number of seconds >= 0.2, got %s",
        maxGapSeconds);
    return new Downsample5fps(maxGapSeconds);
  }

  /** The 5 fps sequences. */
  public static TupleTag<Track> tracksTag() {
    return TRACKS;
  }

  /** Report parts: sequences and frames kept, frames not picked. */
  public static TupleTag<FileReport> reportsTag() {
    return REPORTS;
  }

  @Override
  public PCollectionTuple expand(PCollection<Track> tracks) {
    PCollectionTuple sequences =
        tracks.apply(
            "SplitAndResample",
            ParDo.of(new DownsampleFn(maxGapSeconds))
                .withOutputTags(TRACKS, TupleTagList.of(REPORTS)));
    sequences.get(TRACKS).setCoder(TrackCoder.of());
    sequences.get(REPORTS).setCoder(FileReport.Coder.of());
    return sequences;
  }

  /**
   * Splits {@code frames} (in time order) where the gap between neighbours exceeds {@code
   * maxGapSeconds}.
   */
  static List<List<Frame>> splitAtGaps(List<Frame> frames, double maxGapSeconds) {
    long maxGap = micros(maxGapSeconds);
    List<List<Frame>> segments = new ArrayList<>();
    List<Frame> current = new ArrayList<>();
    for (Frame frame : frames) {
      if (!current.isEmpty()
          && micros(frame.timestamp()) - micros(current.get(current.size() - 1).timestamp())
              > maxGap) {
        segments.add(current);
        current = new ArrayList<>();
      }
      current.add(frame);
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    return segments;
  }

  /**
   * One frame per 0.2 s tick of {@code frames} (in time order), by the rules of the class comment.
   */
  static List<Frame> resample(List<Frame> frames) {
    List<Frame> picked = new ArrayList<>();
    long tick = Long.MIN_VALUE;
    Frame best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Frame frame : frames) {
      long time = micros(frame.timestamp());
      // The tick k whose window (k*T - T/2, k*T + T/2] holds the frame: k = ceil((time - T/2) / T).
      long frameTick = -Math.floorDiv(HALF_TICK_MICROS - time, TICK_MICROS);
      long distance = Math.abs(time - frameTick * TICK_MICROS);
      if (frameTick != tick) {
        if (best != null) {
          picked.add(best);
        }
        tick = frameTick;
        best = frame;
        bestDistance = distance;
      } else if (distance < bestDistance) {
        best = frame;
        bestDistance = distance;
      }
    }
    if (best != null) {
      picked.add(best);
    }
    return picked;
  }

  private static long micros(double seconds) {
    return Math.round(seconds * 1_000_000);
  }

  /** Splits and resamples one track. */
  static final class DownsampleFn extends DoFn<Track, Track> {
    private final double maxGapSeconds;
    private final Counter kept = Metrics.counter(Downsample5fps.class, "frames_kept");
    private final Counter dropped = Metrics.counter(Downsample5fps.class, "frames_downsampled");
    private final BusyTime busy = new BusyTime(Downsample5fps.class);

    DownsampleFn(double maxGapSeconds) {
      this.maxGapSeconds = maxGapSeconds;
    }

    @ProcessElement
    public void process(@Element Track track, MultiOutputReceiver out) {
      long start = BusyTime.start();
      List<List<Frame>> segments = splitAtGaps(track.frames(), maxGapSeconds);
      long keptFrames = 0;
      for (int s = 0; s < segments.size(); s++) {
        List<Frame> sequence = resample(segments.get(s));
        keptFrames += sequence.size();
        out.get(TRACKS).output(Track.of(track.id().withSegment(s), sequence));
      }
      long droppedFrames = track.size() - keptFrames;
      out.get(REPORTS)
          .output(
              FileReport.downsampling(
                  track.id().file(), segments.size(), keptFrames, droppedFrames));
      kept.inc(keptFrames);
      dropped.inc(droppedFrames);
      busy.stop(start);
    }
  }
}
