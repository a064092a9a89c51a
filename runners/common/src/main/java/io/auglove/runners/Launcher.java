package io.auglove.runners;

import io.auglove.pipelines.Main;

/**
 * The entry point of each runner's jar, which {@code ./auglove} starts: gives this JVM the DJL
 * settings that workers get from {@link DjlSettings}, then runs the command line.
 */
public final class Launcher {

  private Launcher() {}

  /** Runs {@code ./auglove args} and exits with its code. */
  public static void main(String[] args) {
    DjlSettings.apply();
    Main.main(args);
  }
}
