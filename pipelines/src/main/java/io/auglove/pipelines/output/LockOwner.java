package io.auglove.pipelines.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auglove.pipelines.bundle.Json;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The run that holds an output's lock, as its lock file records it (JSON: output, run, host, pid,
 * started).
 *
 * @param output the output as the run was given it
 * @param run the run's id
 * @param host the name of the host that took the lock
 * @param pid the process that took the lock
 * @param started when the lock was taken
 */
record LockOwner(String output, String run, String host, long pid, Instant started)
    implements Serializable {

  /**
   * How much later than the lock a live process with the owner's pid may seem to have started and
   * still be its owner: Linux reports start times to within about a second.
   */
  static final Duration START_TIME_SLACK = Duration.ofSeconds(5);

  private static final String THIS_HOST = hostName();

  /** This process, taking the lock of {@code output} for run {@code run} now. */
  static LockOwner ofThisProcess(String output, String run) {
    return new LockOwner(output, run, THIS_HOST, ProcessHandle.current().pid(), Instant.now());
  }

  /** This host's name, as lock files record it. */
  static String thisHost() {
    return THIS_HOST;
  }

  /** The lock file's text. */
  String toJson() {
    ObjectNode node = Json.object();
    node.put("output", output);
    node.put("run", run);
    node.put("host", host);
    node.put("pid", pid);
    node.put("started", started.toString());
    return Json.write(node);
  }

  /**
   * Reads the lock file {@code lockFile} of output {@code output}.
   *
   * @throws IllegalArgumentException naming the lock file if it is not a lock this code wrote
   */
  static LockOwner parse(String output, String lockFile, String text) {
    String problem;
    try {
      JsonNode node = Json.read(text);
      if (node != null
          && node.path("run").isTextual()
          && node.path("host").isTextual()
          && node.path("pid").canConvertToLong()
          && node.path("started").isTextual()) {
        return new LockOwner(
            node.path("output").asText(output),
            node.path("run").asText(),
            node.path("host").asText(),
            node.path("pid").asLong(),
            Instant.parse(node.path("started").asText()));
      }
      problem = "it does not name a run, host, pid and start time";
    } catch (UncheckedIOException | DateTimeParseException e) {
      problem = e.getMessage();
    }
    throw new IllegalArgumentException(
        output
            + " is locked by "
            + lockFile
            + ", which cannot be read ("
            + problem
            + "); if no run is writing "
            + output
            + ", delete "
            + lockFile
            + " and run again");
  }

  /**
   * Whether the owner was a process of this host that is gone: the pid is free, or taken by a
   * process that started after the lock was taken. A lock of another host is never known to be
   * stale.
   */
  boolean isGoneFromThisHost() {
    if (!host.equals(THIS_HOST)) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return true;
    }
    return process
        .get()
        .info()
        .startInstant()
        .map(start -> start.isAfter(started.plus(START_TIME_SLACK)))
        .orElse(false);
  }

  /** "run R (pid P on H, started T)". */
  String describe() {
    return "run " + run + " (pid " + pid + " on " + host + ", started " + started + ")";
  }

  /** The one-line refusal of a second run into {@code output}, locked by {@code lockFile}. */
  String refusal(String output, String lockFile) {
    return output
        + " is being written by "
        + describe()
        + "; if that run is no longer running, delete "
        + lockFile
        + " and run again";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // A host whose name does not resolve still has the kernel's name, which tells it apart.
      String name = System.getenv("HOSTNAME");
      return name == null || name.isBlank() ? "unknown-host" : name;
    }
  }
}
