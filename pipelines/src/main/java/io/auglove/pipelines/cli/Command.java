package io.auglove.pipelines.cli;

import java.io.PrintStream;
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
   * The prefix of its options' Beam property names, which the command line leaves out: {@code
   * --output} is property {@code demoOutput} for prefix {@code demo}. Empty by default.
   */
  default String propertyPrefix() {
    return "";
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
