package io.auglove.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The static check of a terraform/ folder: every folder below it that holds {@code .tf} files (the
 * module and its examples) is parsed and held to every {@link Rule}. It needs no terraform binary
 * and no cloud access.
 */
final class TerraformCheck {

  private static final List<Rule> RULES =
      List.of(
          new DeclaredReferences(),
          new DocumentedInterface(),
          new NoPublicMembers(),
          new NoServiceAccountKeys(),
          new PrivateBuckets(),
          new StorageRolesOnBuckets());

  /**
   * What a check saw and found.
   *
   * @param folders the folders checked, relative to the root
   * @param findings every problem, ordered by file and line; empty when the configuration passes
   */
  record Result(List<Path> folders, List<Finding> findings) {}

  private TerraformCheck() {}

  /** Checks every folder of {@code .tf} files under {@code root}. */
  static Result run(Path root) {
    Path base = root.toAbsolutePath().normalize();
    List<Finding> findings = new ArrayList<>();
    Map<Path, TerraformFolder> loaded = new HashMap<>();
    List<Path> dirs = folders(base);
    for (Path dir : dirs) {
      loaded.put(dir, TerraformFolder.load(base, dir, findings));
    }
    // A module outside the checked folders is read only for its outputs; its own problems are not
    // reported.
    Rule.Folders sources =
        dir ->
            Optional.ofNullable(loaded.get(dir))
                .or(
                    () ->
                        Files.isDirectory(dir)
                            ? Optional.of(TerraformFolder.load(base, dir, new ArrayList<>()))
                            : Optional.empty());
    for (Path dir : dirs) {
      for (Rule rule : RULES) {
        rule.check(loaded.get(dir), sources, findings);
      }
    }
    findings.sort(
        Comparator.comparing((Finding f) -> f.file().toString())
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::message));
    return new Result(dirs.stream().map(base::relativize).toList(), findings);
  }

  /**
   * Folders under {@code root} with at least one .tf file, leaving out hidden and build folders.
   */
  private static List<Path> folders(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isDirectory)
          .filter(dir -> !skipped(root.relativize(dir)))
          .filter(TerraformCheck::holdsTf)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.equals("target")) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsTf(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.anyMatch(p -> p.getFileName().toString().endsWith(".tf"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
