package io.auglove.transforms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * The reference data beside the checkout ({@code ../shared/data}): real OpenFace outputs and the
 * paper's published artifacts. Tests that use it run when it exists and say so when they are
 * skipped.
 */
public final class SharedData {

  private SharedData() {}

  /** {@code ../shared/data/<name>}, if that folder exists. */
  public static Optional<Path> folder(String name) {
    String shared = System.getProperty("auglove.shared.dir", "../shared");
    Path folder = Paths.get(shared, "data", name).toAbsolutePath().normalize();
    return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
  }

  /** The message of a test skipped because {@code name} is missing. */
  public static String missing(String name) {
    return "skipped: ../shared/data/" + name + " not found beside the checkout";
  }
}
