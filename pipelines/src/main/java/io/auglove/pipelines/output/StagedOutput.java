package io.auglove.pipelines.output;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's output folder (local or {@code gs://}), written into a staging folder and published
 * whole only when the run succeeded: a run that fails or is killed leaves the previous output as it
 * was, and nothing that looks complete.
 *
 * <pre>{@code
 * StagedOutput output = StagedOutput.begin("out/bundle", overwrite, StagedOutput.newRunId());
 * // the pipeline writes every file to output.stagingPath(name), then the manifest
 * // (OutputManifest.write(output.stagingFolder(), text)); its last step calls output.publish()
 * }</pre>
 *
 * <p>{@link #begin} refuses an existing non-empty output without {@code overwrite}, and a second
 * run into an output that a run is writing; it repairs what a killed run left. The object is
 * serializable, so that the pipeline's last step, on a worker, can {@link #publish} it. The
 * launcher calls {@link #abort} when the pipeline fails.
 */
public final class StagedOutput implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StagedOutput.class);

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final OutputLocation location;
  private final boolean overwrite;
  private final String runId;
  private final Publisher publisher;
  private final ImmutableList<String> recovery;

  private StagedOutput(
      OutputLocation location,
      boolean overwrite,
      String runId,
      Publisher publisher,
      List<String> recovery) {
    this.location = location;
    this.overwrite = overwrite;
    this.runId = runId;
    this.publisher = publisher;
    this.recovery = ImmutableList.copyOf(recovery);
  }

  /**
   * Starts run {@code runId} into the output folder {@code output}: takes the output's lock,
   * repairs what killed runs left beside it, and creates the run's staging folder. Call it while
   * building the pipeline, after {@code FileSystems.setDefaultPipelineOptions} (for {@code gs://}).
   *
   * @param overwrite whether an existing output may be replaced (whole, once the run succeeded)
   * @param runId letters, digits, '.', '_' and '-'; new for every run ({@link #newRunId()})
   * @throws IllegalArgumentException in one line if the output exists and is not empty and {@code
   *     overwrite} is false, or another run is writing it (naming that run and how to clear a stale
   *     lock)
   */
  public static StagedOutput begin(String output, boolean overwrite, String runId) {
    OutputLocation location = OutputLocation.of(output);
    return begin(
        location,
        overwrite,
        runId,
        location.isLocal() ? new PublishByRename(location) : new PublishByCopy(location));
  }

  /**
   * The staging plan of run {@code runId} into {@code output}, without touching any file system:
   * for building a pipeline to inspect or translate (a Dataflow job specification) rather than to
   * run. Its {@link #publish()} fails, as it holds no lock.
   */
  public static StagedOutput planned(String output, boolean overwrite, String runId) {
    OutputLocation location = OutputLocation.of(output);
    return new StagedOutput(
        location,
        overwrite,
        runId,
        location.isLocal() ? new PublishByRename(location) : new PublishByCopy(location),
        List.of());
  }

  /** As {@link #begin(String, boolean, String)}, publishing as on an object store: for tests. */
  static StagedOutput beginByCopy(String output, boolean overwrite, String runId) {
    OutputLocation location = OutputLocation.of(output);
    return begin(location, overwrite, runId, new PublishByCopy(location));
  }

  private static StagedOutput begin(
      OutputLocation location, boolean overwrite, String runId, Publisher publisher) {
    checkArgument(
        runId != null && RUN_ID.matcher(runId).matches(),
        "run id '%s' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or"
            + " digit",
        runId);
    List<String> recovery;
    try {
      publisher.createStaging(runId);
    } catch (IOException e) {
      throw failedToBegin(location, runId, e);
    }
    try {
      publisher.lock(LockOwner.ofThisProcess(location.given(), runId));
      recovery = publisher.recover(runId);
      recovery.forEach(line -> LOG.warn("{}: {}", location.given(), line));
      if (!overwrite && publisher.hasContent()) {
        throw new IllegalArgumentException(
            location.given()
                + " already exists and is not empty; give --overwrite to replace it whole"
                + " after the new run succeeds");
      }
    } catch (IOException | RuntimeException e) {
      try {
        publisher.abort(runId);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof IOException io) {
        throw failedToBegin(location, runId, io);
      }
      throw (RuntimeException) e;
    }
    return new StagedOutput(location, overwrite, runId, publisher, recovery);
  }

  private static UncheckedIOException failedToBegin(
      OutputLocation location, String runId, IOException e) {
    return new UncheckedIOException(
        "starting run " + runId + " into " + location.given() + " failed: " + e.getMessage(), e);
  }

  /** A new run id: the time in UTC and a random suffix, such as {@code 20250101T120000Z-3f9a1c}. */
  public static String newRunId() {
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    return RUN_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
  }

  /** The output, as it was given. */
  public String output() {
    return location.given();
  }

  /** This run's id. */
  public String runId() {
    return runId;
  }

  /** Whether this run replaces an existing output. */
  public boolean overwrite() {
    return overwrite;
  }

  /** What {@link #begin} repaired of killed runs, one line each (also logged). */
  public ImmutableList<String> recovery() {
    return recovery;
  }

  /** The staging folder, ending with a separator: a pipeline writes every file under it. */
  public String stagingFolder() {
    return publisher.stagingFolder(runId);
  }

  /**
   * Where the pipeline writes {@code fileName}, a name relative to the output such as {@code
   * vocab.tsv} or {@code fixed/report.json}.
   */
  public String stagingPath(String fileName) {
    checkArgument(
        fileName != null
            && !fileName.isEmpty()
            && !fileName.startsWith("/")
            && !fileName.contains("\\")
            && List.of(fileName.split("/", -1)).stream()
                .noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals("..")),
        "file name '%s' must be a relative path inside the output",
        fileName);
    return stagingFolder() + fileName;
  }

  /**
   * Replaces the output by the staging folder, then releases the lock. The pipeline's last step
   * calls it once every file and the manifest are written. A second call, or a call that resumes an
   * attempt cut short, finishes what is left; after success it does nothing.
   *
   * @throws IllegalStateException if the staging folder has no manifest or misses a file it lists,
   *     if this run no longer holds the lock, or if something else wrote the output meanwhile and
   *     this run may not overwrite it
   */
  public void publish() {
    try {
      publisher.publish(runId, overwrite);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "publishing " + location.given() + " failed: " + e.getMessage(), e);
    }
    LOG.info("{}: published run {}", location.given(), runId);
  }

  /**
   * Gives up this run, for a launcher whose pipeline failed: puts back a previous output that
   * publishing had moved aside, deletes the staging folder and releases the lock. Once the new
   * output is in place, it stays.
   */
  public void abort() {
    try {
      publisher.abort(runId);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cleaning up run " + runId + " of " + location.given() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * A DoFn that publishes this output when an element reaches it: apply it to the single element
   * that the step writing the manifest emits, so that it runs after every file is written.
   */
  public <T> DoFn<T, Void> publishFn() {
    return new PublishFn<>(this);
  }

  private static final class PublishFn<T> extends DoFn<T, Void> {
    private final StagedOutput output;

    PublishFn(StagedOutput output) {
      this.output = output;
    }

    @ProcessElement
    public void process() {
      output.publish();
    }
  }
}
