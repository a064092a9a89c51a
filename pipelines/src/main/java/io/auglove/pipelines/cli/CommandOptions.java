package io.auglove.pipelines.cli;

import io.auglove.pipelines.launch.DirectRunnerWait;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;

/**
 * Parses a subcommand's arguments with Beam's own parser, so that an option has the same name on
 * the command line, in {@code PipelineOptionsFactory.fromArgs}, in tests and in a flex template,
 * and prints help generated from the options interfaces.
 */
public final class CommandOptions {

  /**
   * The DirectRunner's settings that the command line gives unless given: its checks off (they
   * re-encode and compare every element, doubling a run's time on one machine; they are for
   * transform authors, and the tests keep them on), and a run that does not block, waited for with
   * {@link DirectRunnerWait}.
   */
  private static final List<String> DIRECT_RUNNER_DEFAULTS =
      List.of("enforceImmutability", "enforceEncodability", "blockOnRun");

  private CommandOptions() {}

  /**
   * Whether the run goes to the DirectRunner: named, or the default (no {@code --runner}) with the
   * DirectRunner on the classpath.
   */
  private static boolean runsOnTheDirectRunner(Set<String> given, List<String> arguments) {
    if (given.contains("runner")) {
      return arguments.contains("--runner=DirectRunner")
          || arguments.contains("--runner=" + DirectRunnerWait.RUNNER);
    }
    try {
      Class.forName(DirectRunnerWait.RUNNER, false, CommandOptions.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false; // a runner jar without the DirectRunner: there is no default runner to tune
    }
  }

  /** One option of a command: its name, type, description and default, as the help shows them. */
  public record Option(String name, String type, String description, String defaultText) {}

  /**
   * The options in {@code arguments}, with the command's own defaults for those left out, checked
   * by Beam: every required option given, every option known, every value of its type.
   *
   * @throws IllegalArgumentException with a one-line reason naming the option
   */
  static <T extends PipelineOptions> T parse(String[] arguments, Command<T> command) {
    Map<String, String> given = new HashMap<>();
    for (String argument : arguments) {
      if (!argument.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument '" + argument + "': options look like --name=value");
      }
      String[] nameValue = argument.substring(2).split("=", 2);
      if (given.put(nameValue[0], nameValue.length == 2 ? nameValue[1] : "") != null) {
        throw new IllegalArgumentException("--" + nameValue[0] + " is given more than once");
      }
    }
    List<String> all = new ArrayList<>(Arrays.asList(arguments));
    Map<String, String> defaults = new HashMap<>(command.defaults());
    defaults.putAll(command.derivedDefaults(given));
    defaults.forEach(
        (name, value) -> {
          if (!given.containsKey(name)) {
            all.add("--" + name + "=" + value);
          }
        });
    if (runsOnTheDirectRunner(given.keySet(), all)) {
      for (String setting : DIRECT_RUNNER_DEFAULTS) {
        if (!given.containsKey(setting)) {
          all.add("--" + setting + "=false");
        }
      }
    }
    Class<T> type = command.optionsType();
    PipelineOptionsFactory.register(type);
    try {
      return PipelineOptionsFactory.fromArgs(all.toArray(new String[0])).withValidation().as(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(explain(all, type, e), e);
    }
  }

  /**
   * Beam's reason, with the argument it is about: Beam's message for a value of the wrong type does
   * not say which option it was, so each argument is parsed on its own to find it.
   */
  private static String explain(
      List<String> arguments, Class<? extends PipelineOptions> type, IllegalArgumentException e) {
    for (String argument : arguments) {
      try {
        PipelineOptionsFactory.fromArgs(argument).as(type);
      } catch (IllegalArgumentException alone) {
        return argument + ": " + oneLine(alone.getMessage());
      }
    }
    return oneLine(e.getMessage());
  }

  /** Prints every option of the command that the project declares, with its default. */
  static void printHelp(Command<?> command, PrintStream out) {
    out.println("Usage: ./auglove " + command.name() + " [--option=value ...]");
    out.println();
    out.println(command.summary());
    out.println();
    out.println("Options:");
    for (Option option : options(command)) {
      out.println("  --" + option.name() + "=<" + option.type() + ">");
      out.println("      " + option.description() + " " + option.defaultText());
    }
  }

  /** Prints the note on runner options, for commands that run a pipeline. */
  static void printRunnerHelp(PrintStream out) {
    out.println();
    out.println("Runner options (Beam's own, passed through as written):");
    out.println("  --runner=<DirectRunner|FlinkRunner|DataflowRunner>");
    out.println("      where the pipeline runs; DirectRunner, on this machine, unless given");
    out.println("  Flink: --flinkMaster=<host:port|[local]> --parallelism=<n>");
    out.println(
        "  Dataflow: --project=<id> --region=<region> --tempLocation=gs://... --stagingLocation=gs://...");
  }

  /**
   * The options the project declares for {@code command} (not Beam's), required ones first, with
   * their defaults as the command applies them.
   */
  public static List<Option> options(Command<?> command) {
    Class<? extends PipelineOptions> type = command.optionsType();
    PipelineOptions defaults = PipelineOptionsFactory.as(type);
    List<Option> options = new ArrayList<>();
    for (Method getter : ownGetters(type)) {
      String name = property(getter.getName());
      String defaultText;
      if (command.defaults().containsKey(name)) {
        defaultText = "(default: " + command.defaults().get(name) + ")";
      } else if (getter.getAnnotation(Validation.Required.class) != null) {
        defaultText = "(required)";
      } else {
        defaultText = "(default: " + text(invoke(getter, defaults)) + ")";
      }
      options.add(
          new Option(
              name,
              typeText(getter.getReturnType()),
              getter.getAnnotation(Description.class).value(),
              defaultText));
    }
    options.sort(
        Comparator.comparing((Option o) -> !o.defaultText().equals("(required)"))
            .thenComparing(Option::name));
    return options;
  }

  /** The getters of the options the project declares (not Beam's). */
  static List<Method> ownGetters(Class<? extends PipelineOptions> type) {
    List<Method> getters = new ArrayList<>();
    for (Method getter : type.getMethods()) {
      if (getter.getAnnotation(Description.class) != null
          && getter.getDeclaringClass().getPackageName().startsWith("io.auglove")
          && getter.getParameterCount() == 0) {
        getters.add(getter);
      }
    }
    return getters;
  }

  static Object invoke(Method getter, PipelineOptions options) {
    try {
      return getter.invoke(options);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("reading option " + getter.getName() + " failed", e);
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    String text = String.valueOf(value);
    return text.isEmpty() ? "empty" : text;
  }

  private static String typeText(Class<?> type) {
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants())
          .map(String::valueOf)
          .collect(Collectors.joining("|"));
    }
    if (List.class.isAssignableFrom(type)) {
      return "list";
    }
    return type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  static String property(String getter) {
    String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code message} on one line. */
  static String oneLine(String message) {
    return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** The names of {@code options}, for tests. */
  static List<String> names(List<Option> options) {
    return options.stream().map(Option::name).toList();
  }
}
