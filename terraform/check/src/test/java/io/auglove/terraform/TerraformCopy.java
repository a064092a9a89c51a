package io.auglove.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the repository's terraform/ folder (its .tf files, without the check itself), to be
 * broken one edit at a time by a test.
 */
final class TerraformCopy {

  private final Path root;

  private TerraformCopy(Path root) {
    this.root = root;
  }

  /** The repository's terraform/ folder, as the build passes it to the tests. */
  static Path repositoryTerraform() {
    String dir = System.getProperty("auglove.terraform.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "system property auglove.terraform.dir is not set (the pom sets it)");
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  /** Copies every .tf file of the repository's terraform/ folder into {@code target}. */
  static TerraformCopy of(Path target) throws IOException {
    Path source = repositoryTerraform();
    List<Path> files;
    try (Stream<Path> paths = Files.walk(source)) {
      files =
          paths
              .filter(p -> p.getFileName().toString().endsWith(".tf"))
              .filter(p -> !source.relativize(p).startsWith("check"))
              .toList();
    }
    for (Path file : files) {
      Path copy = target.resolve(source.relativize(file).toString());
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy);
    }
    return new TerraformCopy(target);
  }

  Path root() {
    return root;
  }

  /** Replaces the one occurrence of {@code text} in {@code file} (relative to the copy's root). */
  TerraformCopy replace(String file, String text, String replacement) throws IOException {
    Path path = root.resolve(file);
    String source = Files.readString(path);
    int at = source.indexOf(text);
    assertEquals(
        at < 0 ? -1 : at,
        source.lastIndexOf(text),
        "expected exactly one \"" + text + "\" in " + file);
    if (at < 0) {
      throw new AssertionError("\"" + text + "\" is not in " + file + "; the test needs updating");
    }
    Files.writeString(
        path, source.substring(0, at) + replacement + source.substring(at + text.length()));
    return this;
  }

  /** Appends {@code text} to {@code file}. */
  TerraformCopy append(String file, String text) throws IOException {
    Path path = root.resolve(file);
    Files.writeString(path, Files.readString(path) + "\n" + text);
    return this;
  }

  /** The 1-based line of the one line of {@code file} that contains {@code text}. */
  int lineOf(String file, String text) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve(file));
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        if (found >= 0) {
          throw new AssertionError("\"" + text + "\" is on more than one line of " + file);
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new AssertionError("\"" + text + "\" is not in " + file);
    }
    return found;
  }

  /** A finding expected on the line of {@code file} that contains {@code text}. */
  Finding findingAt(String file, String text, String message) throws IOException {
    return new Finding(Path.of(file), lineOf(file, text), message);
  }
}
