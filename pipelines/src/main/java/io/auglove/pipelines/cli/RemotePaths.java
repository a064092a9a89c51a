package io.auglove.pipelines.cli;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Asks the file system of each remote path a command is given ({@code gs://...}) for that path
 * before the run, within a deadline: Beam's Cloud Storage client retries an unreachable service for
 * minutes and then fails with a stack trace.
 */
final class RemotePaths {

  /** How long a remote file system has to answer. */
  static final Duration DEADLINE = Duration.ofSeconds(30);

  private RemotePaths() {}

  /**
   * Checks every remote path among {@code options}' own string options.
   *
   * @throws IllegalArgumentException naming the option and path when a file system does not answer
   *     within the deadline or fails
   */
  static void check(PipelineOptions options, Class<? extends PipelineOptions> type) {
    ExecutorService probe =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "remote-path-probe");
              thread.setDaemon(true); // a probe still retrying must not keep the JVM alive
              return thread;
            });
    try {
      for (Method getter : CommandOptions.ownGetters(type)) {
        if (getter.getReturnType() == String.class
            && CommandOptions.invoke(getter, options) instanceof String path
            && isRemote(path)) {
          check(probe, CommandOptions.property(getter.getName()), path);
        }
      }
    } finally {
      probe.shutdownNow();
    }
  }

  static boolean isRemote(String path) {
    int scheme = path.indexOf("://");
    return scheme > 0 && !path.startsWith("file://");
  }

  private static void check(ExecutorService probe, String option, String path) {
    Future<?> match =
        probe.submit(
            () -> {
              FileSystems.match(List.of(path), EmptyMatchTreatment.ALLOW);
              return null;
            });
    try {
      match.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      match.cancel(true);
      throw new IllegalArgumentException(
          String.format(
              "--%s=%s: its file system did not answer within %d s; check the network, the"
                  + " credentials (gcloud auth application-default login) and the bucket's name",
              option, path, DEADLINE.toSeconds()),
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IllegalArgumentException(
          "--" + option + "=" + path + ": cannot be reached: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking --" + option, e);
    }
  }
}
