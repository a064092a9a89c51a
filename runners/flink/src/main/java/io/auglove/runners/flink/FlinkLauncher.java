package io.auglove.runners.flink;

import io.auglove.pipelines.Main;
import io.auglove.pipelines.cli.Cli;
import io.auglove.runners.DjlSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * The entry point of the Flink jar: before a command submits to a remote Flink master, checks that
 * the master answers, so that a wrong address or a stopped cluster costs seconds and one line
 * instead of minutes of client retries and a stack trace; then runs the command line.
 */
public final class FlinkLauncher {

  private FlinkLauncher() {}

  /**
   * Runs {@code ./auglove args}, or exits with 2 and one line if its Flink master does not answer.
   */
  public static void main(String[] args) throws InterruptedException {
    DjlSettings.apply();
    Optional<String> problem;
    try {
      problem = preflight(args, FlinkMaster.TIMEOUT);
    } catch (IllegalArgumentException e) {
      problem = Optional.of(command(args) + ": " + e.getMessage());
    }
    if (problem.isPresent()) {
      System.err.println(problem.get());
      System.exit(Cli.BAD_USAGE);
    }
    Main.main(args);
  }

  /**
   * The line that stops {@code args} because the remote Flink master they name does not answer as a
   * cluster of this runner's Flink version; empty when it does, or when the run goes to no remote
   * master.
   */
  static Optional<String> preflight(String[] args, Duration timeout) throws InterruptedException {
    Optional<FlinkMaster> master = FlinkMaster.named(args);
    if (master.isEmpty()) {
      return Optional.empty();
    }
    return master.get().problem(timeout).map(problem -> command(args) + ": " + problem);
  }

  private static String command(String[] args) {
    return "auglove" + (args.length > 0 && !args[0].startsWith("--") ? " " + args[0] : "");
  }
}
