package io.auglove.pipelines.generate;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic OpenFace corpus with planted dynamics:
 *
 * <pre>
 * &lt;out&gt;/recordings/p001_v1.csv      one OpenFace FeatureExtraction CSV per video
 * &lt;out&gt;/recordings/p001_v2.csv.gz   (a fraction gzipped)
 * &lt;out&gt;/labels.csv                  recording,participant,dwell,order,regularity,control,split
 * </pre>
 *
 * <p>Deterministic: the same spec gives byte-identical files. Videos are written one after the
 * other on the calling thread; each depends only on the spec and its index, so they could be
 * written in any order or in parallel. Files are written through Beam's {@link FileSystems}, so the
 * output may be any registered file system ({@code gs://} once the caller has called {@link
 * FileSystems#setDefaultPipelineOptions}); the local file system needs no registration.
 *
 * <pre>{@code
 * CorpusSummary summary =
 *     CorpusGenerator.write(CorpusSpec.builder().optVideoCount(100).build(), "/tmp/corpus");
 * }</pre>
 */
public final class CorpusGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(CorpusGenerator.class);

  /** Header of {@code labels.csv}. */
  public static final String LABELS_HEADER =
      "recording,participant,dwell,order,regularity,control,split";

  private static final int GZIP_BUFFER_SIZE = 1 << 16;

  private CorpusGenerator() {}

  /**
   * Writes the corpus the spec describes under {@code outputDirectory} (a local path or a URI of a
   * registered file system) and returns what was written.
   *
   * @throws IOException when a file cannot be written; the message names the file
   */
  public static CorpusSummary write(CorpusSpec spec, String outputDirectory) throws IOException {
    long startNanos = System.nanoTime();
    CorpusPlan plan = CorpusPlan.of(spec);
    VideoSimulator simulator = VideoSimulator.forSpec(spec);
    ResourceId directory = FileSystems.matchNewResource(outputDirectory, true);
    ResourceId recordings =
        directory.resolve("recordings", StandardResolveOptions.RESOLVE_DIRECTORY);

    ImmutableList.Builder<CorpusSummary.WrittenFile> written = ImmutableList.builder();
    long totalRows = 0;
    for (VideoPlan video : plan.videos()) {
      ResourceId file =
          recordings.resolve(
              video.format().fileName(video.recording()), StandardResolveOptions.RESOLVE_FILE);
      writeRecording(simulator, video, file);
      written.add(new CorpusSummary.WrittenFile(file.toString(), video.frameCount()));
      totalRows += video.frameCount();
    }
    ResourceId labels = directory.resolve("labels.csv", StandardResolveOptions.RESOLVE_FILE);
    writeLabels(plan, labels);

    double seconds = (System.nanoTime() - startNanos) / 1e9;
    LOG.info(
        "Wrote {} recordings of {} participants, {} rows in {} s ({} rows/s) to {}",
        plan.videos().size(),
        plan.participants().size(),
        totalRows,
        String.format("%.2f", seconds),
        Math.round(totalRows / Math.max(seconds, 1e-9)),
        directory);
    return new CorpusSummary(
        written.build(),
        new CorpusSummary.WrittenFile(labels.toString(), plan.videos().size()),
        totalRows,
        plan.participants().size());
  }

  private static void writeRecording(VideoSimulator simulator, VideoPlan video, ResourceId file)
      throws IOException {
    LatentTrace trace = simulator.latent(video);
    FrameSynthesizer synthesizer =
        simulator.synthesizer(trace, video.participant().nuisance(), video.index(), false);
    TrackingProblems tracking = simulator.trackingProblems(video);
    FrameValues values = new FrameValues();
    double millisPerFrame = 1000.0 / video.fps();
    try (OutputStream out = open(file, video.format().gzip())) {
      OpenFaceCsvWriter writer = new OpenFaceCsvWriter(out, video.format());
      writer.writeHeader();
      for (int f = 0; f < video.frameCount(); f++) {
        synthesizer.next(values);
        tracking.apply(f, values);
        writer.writeRow(f + 1, Math.round(f * millisPerFrame), values);
      }
      writer.flush();
    } catch (IOException e) {
      throw new IOException("Could not write recording " + video.recording() + " to " + file, e);
    }
  }

  private static void writeLabels(CorpusPlan plan, ResourceId file) throws IOException {
    StringBuilder text = new StringBuilder(LABELS_HEADER).append('\n');
    for (VideoPlan video : plan.videos()) {
      Participant participant = video.participant();
      Scores scores = participant.scores();
      text.append(video.recording())
          .append(',')
          .append(participant.id())
          .append(',')
          .append(scores.dwell())
          .append(',')
          .append(scores.order())
          .append(',')
          .append(scores.regularity())
          .append(',')
          .append(scores.control())
          .append(',')
          .append(participant.split().label())
          .append('\n');
    }
    try (OutputStream out = open(file, false)) {
      out.write(text.toString().getBytes(US_ASCII));
    } catch (IOException e) {
      throw new IOException("Could not write labels to " + file, e);
    }
  }

  private static OutputStream open(ResourceId file, boolean gzip) throws IOException {
    OutputStream raw =
        Channels.newOutputStream(
            FileSystems.create(file, gzip ? MimeTypes.BINARY : MimeTypes.TEXT));
    return gzip ? new FastGzipOutputStream(raw) : raw;
  }

  /**
   * Gzip at the fastest deflate level: CSV rows compress well at any level, and the default level
   * would make the gzipped recordings three times slower to write than the others.
   */
  private static final class FastGzipOutputStream extends GZIPOutputStream {
    FastGzipOutputStream(OutputStream out) throws IOException {
      super(out, GZIP_BUFFER_SIZE);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
