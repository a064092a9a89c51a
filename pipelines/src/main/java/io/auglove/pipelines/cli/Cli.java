package io.auglove.pipelines.cli;

import com.google.common.base.Throwables;
import com.google.common.collect.ImmutableList;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.options.OutputOptions;
import io.auglove.transforms.UnusableInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches {@code ./auglove <command> [--option=value ...]}: {@code --help} prints a command's
 * options with their defaults; a bad option, or input that cannot give what was asked (every file
 * refused, fewer frames than k), prints a one-line reason and exits with 2; a failed run prints why
 * and exits with 1.
 */
public final class Cli {

  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  /** Exit code of a bad command line, or of input that cannot give what was asked. */
  public static final int BAD_USAGE = 2;

  /** Exit code of a run that failed. */
  public static final int FAILED = 1;

  private static final ImmutableList<Command<?>> COMMANDS =
      ImmutableList.of(
          new GenerateCommand(),
          new VocabularyCommand(),
          new FeaturizeCommand(),
          new EvaluateCommand(),
          new ReportCommand(),
          new DemoCommand(),
          new ExperimentCommand(),
          new BenchCommand(),
          new BenchTrainCommand(),
          new TemplateCommand());

  private Cli() {}

  /** Runs {@code args}; the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || isHelp(args[0])) {
      usage(out);
      return args.length == 0 ? BAD_USAGE : 0;
    }
    Command<?> command =
        COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
    if (command == null) {
      err.println("auglove: unknown command '" + args[0] + "'; commands: " + names());
      return BAD_USAGE;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    if (rest.stream().anyMatch(Cli::isHelp)) {
      CommandOptions.printHelp(command, out);
      if (command.runsPipeline()) {
        CommandOptions.printRunnerHelp(out);
      }
      return 0;
    }
    return run(command, rest.toArray(new String[0]), out, err);
  }

  private static <T extends PipelineOptions> int run(
      Command<T> command, String[] args, PrintStream out, PrintStream err) {
    T options;
    try {
      options = CommandOptions.parse(args, command);
    } catch (IllegalArgumentException e) {
      err.println("auglove " + command.name() + ": " + e.getMessage());
      return BAD_USAGE;
    }
    // Registers the file systems the classpath offers (local, gs://) before any path is touched.
    FileSystems.setDefaultPipelineOptions(options);
    try {
      RemotePaths.check(options, command.optionsType());
    } catch (IllegalArgumentException e) {
      err.println("auglove " + command.name() + ": " + CommandOptions.oneLine(e.getMessage()));
      return BAD_USAGE;
    }
    if (!(options instanceof OutputOptions output)) {
      return runLogged(command, options, out, err).code();
    }
    try {
      RunLog log = RunLog.start(output.getOutput(), command.name(), args, out);
      Ending ending = runLogged(command, options, log.out(), log.err(err));
      log.finish(ending.code(), ending.ran());
      return ending.code();
    } catch (IOException | UncheckedIOException e) {
      err.println("auglove " + command.name() + ": " + CommandOptions.oneLine(e.getMessage()));
      return FAILED;
    }
  }

  /**
   * How a command ended: its exit code, and whether it got as far as running (so that its log is
   * worth keeping) rather than being refused on its options.
   */
  private record Ending(int code, boolean ran) {}

  private static <T extends PipelineOptions> Ending runLogged(
      Command<T> command, T options, PrintStream out, PrintStream err) {
    try {
      return new Ending(command.run(options, out), true);
    } catch (IllegalArgumentException e) {
      String message = "auglove " + command.name() + ": " + CommandOptions.oneLine(e.getMessage());
      LOG.debug(message, e);
      err.println(message);
      return new Ending(BAD_USAGE, false);
    } catch (Exception e) {
      UnusableInputException unusable = unusableInput(e);
      if (unusable != null) {
        LOG.debug("the input was refused", e);
        err.println(
            "auglove " + command.name() + ": " + CommandOptions.oneLine(unusable.getMessage()));
        return new Ending(BAD_USAGE, true);
      }
      LOG.error("auglove " + command.name() + " failed; the trace follows", e);
      err.println(
          "auglove " + command.name() + " failed: " + CommandOptions.oneLine(rootMessage(e)));
      return new Ending(FAILED, true);
    }
  }

  /** The refusal of the input among {@code e}'s causes (a runner wraps it), or null. */
  static UnusableInputException unusableInput(Throwable e) {
    for (Throwable cause : Throwables.getCausalChain(e)) {
      if (cause instanceof UnusableInputException unusable) {
        return unusable;
      }
    }
    return null;
  }

  /**
   * The message of the innermost cause, which is where a pipeline's failure says what went wrong.
   */
  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    String root = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return cause instanceof OutOfMemoryError ? root + "; " + Launch.MORE_MEMORY : root;
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private static String names() {
    return String.join(", ", COMMANDS.stream().map(Command::name).toList());
  }

  private static void usage(PrintStream out) {
    out.println("Usage: ./auglove <command> [--option=value ...]");
    out.println();
    out.println("Commands:");
    for (Command<?> command : COMMANDS) {
      out.printf("  %-12s %s%n", command.name(), command.summary());
    }
    out.println();
    out.println("./auglove <command> --help lists a command's options and their defaults.");
  }
}
