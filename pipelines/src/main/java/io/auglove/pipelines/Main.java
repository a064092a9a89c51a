package io.auglove.pipelines;

import io.auglove.pipelines.cli.Cli;

/** The {@code ./auglove} entry point: {@code generate}, {@code vocabulary}, {@code demo}. */
public final class Main {

  private Main() {}

  /** Runs the subcommand named by the first argument and exits with its code. */
  public static void main(String[] args) {
    System.exit(Cli.run(args, System.out, System.err));
  }
}
