package io.auglove.pipelines.cli;

import com.google.common.collect.ImmutableMap;
import java.io.PrintStream;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;

/** A subcommand of {@code ./auglove}. */
public interface Command<T extends PipelineOptions> {

  /** The name typed after {@code ./auglove}. */
  String name();

  /** One line on what it does. */
  String summary();

  /** Whether it runs a Beam pipeline, and so takes a runner's options. */
  default boolean runsPipeline() {
    return true;
  }

  /**
   * Values this command gives options that the user leaves out, where they differ from the
   * pipelines' defaults (the demo's short k sweep): option name to value.
   */
  default ImmutableMap<String, String> defaults() {
    return ImmutableMap.of();
  }

  /**
   * Values for options the user leaves out that follow from the options given (the report's folder
   * from its bundle's): option name to value, given the options given by name. These win over
   * {@link #defaults()}, which the help shows.
   */
  default ImmutableMap<String, String> derivedDefaults(Map<String, String> given) {
    return ImmutableMap.of();
  }

  /** Its options. */
  Class<T> optionsType();

  /**
   * Runs it.
   *
   * @return the process exit code
   * @throws IllegalArgumentException with a one-line reason when an option's value is bad
   * @throws Exception when the work itself fails
   */
  int run(T options, PrintStream out) throws Exception;
}
