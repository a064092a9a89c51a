package io.auglove.pipelines.cli;

import com.google.common.base.CaseFormat;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;

/**
 * Parses a subcommand's arguments into its options and prints their help. Options are written in
 * kebab case ({@code --vocab-k=200}) and turned into Beam's camel case, so that a runner's own
 * options ({@code --flinkMaster}, {@code --tempLocation}) pass through unchanged.
 */
public final class CommandOptions {

  private CommandOptions() {}

  /**
   * {@code --kebab-case=value} as Beam's {@code --kebabCase=value}, with {@code prefix} put in
   * front when that names one of {@code own}, the command's properties; anything else unchanged.
   */
  static String toBeamArgument(String argument, String prefix, Set<String> own) {
    if (!argument.startsWith("--")) {
      return argument;
    }
    int equals = argument.indexOf('=');
    String name = argument.substring(2, equals < 0 ? argument.length() : equals);
    String rest = equals < 0 ? "" : argument.substring(equals);
    // Beam's own options are camel case already (--flinkMaster): only kebab-case names are
    // converted.
    String property =
        name.contains("-") ? CaseFormat.LOWER_HYPHEN.to(CaseFormat.LOWER_CAMEL, name) : name;
    String prefixed =
        prefix.isEmpty()
            ? property
            : prefix + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    return "--" + (own.contains(prefixed) ? prefixed : property) + rest;
  }

  /** Beam's camel-case property name, without {@code prefix}, as the kebab-case option. */
  static String toOption(String property, String prefix) {
    String name = property;
    if (!prefix.isEmpty() && property.startsWith(prefix) && property.length() > prefix.length()) {
      name =
          Character.toLowerCase(property.charAt(prefix.length()))
              + property.substring(prefix.length() + 1);
    }
    return CaseFormat.LOWER_CAMEL.to(CaseFormat.LOWER_HYPHEN, name);
  }

  /**
   * The options in {@code arguments}, checked: every required option given, every option known.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  static <T extends PipelineOptions> T parse(String[] arguments, Command<T> command) {
    Class<T> type = command.optionsType();
    Set<String> own = new HashSet<>();
    for (Method getter : ownGetters(type)) {
      own.add(property(getter.getName()));
    }
    String[] beam = new String[arguments.length];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < arguments.length; i++) {
      if (!arguments[i].startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument '" + arguments[i] + "': options look like --name=value");
      }
      String name = arguments[i].split("=", 2)[0];
      if (!seen.add(name)) {
        throw new IllegalArgumentException(name + " is given more than once");
      }
      beam[i] = toBeamArgument(arguments[i], command.propertyPrefix(), own);
    }
    PipelineOptionsFactory.register(type);
    try {
      return PipelineOptionsFactory.fromArgs(beam).withValidation().as(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(oneLine(e.getMessage()), e);
    }
  }

  /**
   * Prints every option of {@code type} declared by the project, with its default and description.
   */
  static void printHelp(Command<?> command, PrintStream out) {
    out.println("Usage: ./auglove " + command.name() + " [--option=value ...]");
    out.println();
    out.println(command.summary());
    out.println();
    out.println("Options:");
    for (Option option : options(command.optionsType(), command.propertyPrefix())) {
      out.println("  --" + option.name + "=<" + option.type + ">");
      out.println("      " + option.description + " " + option.defaultText);
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

  /** One option of a command, as its help shows it. */
  private record Option(String name, String type, String description, String defaultText) {}

  /** The getters of the options the project declares (not Beam's). */
  private static List<Method> ownGetters(Class<? extends PipelineOptions> type) {
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

  private static List<Option> options(Class<? extends PipelineOptions> type, String prefix) {
    List<Option> options = new ArrayList<>();
    for (Method getter : ownGetters(type)) {
      options.add(
          new Option(
              toOption(property(getter.getName()), prefix),
              getter.getReturnType().getSimpleName().toLowerCase(Locale.ROOT),
              getter.getAnnotation(Description.class).value(),
              defaultText(getter)));
    }
    options.sort(
        Comparator.comparing((Option o) -> !o.defaultText.equals("(required)"))
            .thenComparing(Option::name));
    return options;
  }

  private static String property(String getter) {
    String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String defaultText(Method getter) {
    if (getter.getAnnotation(Validation.Required.class) != null) {
      return "(required)";
    }
    for (Annotation annotation : getter.getAnnotations()) {
      Object value = defaultValue(annotation);
      if (value != null) {
        return "(default: " + (value.toString().isEmpty() ? "empty" : value) + ")";
      }
    }
    return "(default: none)";
  }

  private static Object defaultValue(Annotation annotation) {
    if (annotation instanceof Default.String a) {
      return a.value();
    } else if (annotation instanceof Default.Integer a) {
      return a.value();
    } else if (annotation instanceof Default.Long a) {
      return a.value();
    } else if (annotation instanceof Default.Double a) {
      return a.value();
    } else if (annotation instanceof Default.Boolean a) {
      return a.value();
    }
    return null;
  }

  /** {@code message} on one line. */
  static String oneLine(String message) {
    return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
