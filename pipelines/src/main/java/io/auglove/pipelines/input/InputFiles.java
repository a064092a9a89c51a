package io.auglove.pipelines.input;

import com.google.common.collect.ImmutableList;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Turns an {@code --input} (a file, a glob, or a folder) into the file patterns to read, and says
 * what of a folder it leaves out.
 *
 * <p>{@link #list}: a glob or a single file is read as it is. A folder is read as every file under
 * it, at any depth, whose name ends in {@code .csv} or {@code .csv.gz} in any case ({@code .CSV}
 * and {@code .csv.GZ} too); each such file becomes its own pattern. Symbolic links are followed,
 * each real file is read once, and everything else is listed as {@link Skipped} with its reason:
 * other extensions, dangling links, link loops, the second path to a file already listed, entries
 * that are not regular files or cannot be read.
 *
 * <pre>{@code
 * InputFiles.Listing listing = InputFiles.list("/data/openface");
 * pipeline.apply(ReadOpenFace.from(listing.patterns()));
 * for (InputFiles.Skipped s : listing.skipped()) { report.note(s.path() + ": " + s.reason()); }
 * }</pre>
 */
public final class InputFiles {

  /** Reason given for a file whose name is not an OpenFace CSV's. */
  public static final String OTHER_EXTENSION = "not .csv or .csv.gz";

  /** Reason given for a symbolic link whose target does not exist. */
  public static final String DANGLING_LINK = "a symbolic link to nothing";

  /** Reason given for a symbolic link that leads back into a folder it is in. */
  public static final String LINK_LOOP = "a symbolic link loop";

  /** Reason given for something other than a file or folder (a socket, a device, a pipe). */
  public static final String NOT_A_FILE = "not a regular file";

  /** Reason given, followed by the first path, for a second path to a file already listed. */
  public static final String SAME_FILE = "the same file as ";

  /** Reason given, followed by the error, for an entry that cannot be read. */
  public static final String UNREADABLE = "cannot be read: ";

  /** An entry of a folder input that is not read, and why. */
  public record Skipped(String path, String reason) {}

  /**
   * What an input resolves to: the patterns to read (a folder's files one by one, in sorted order)
   * and what a folder held that is not read, in sorted order (none for a glob or a file).
   */
  public record Listing(ImmutableList<String> patterns, ImmutableList<Skipped> skipped) {}

  private InputFiles() {}

  /**
   * The patterns of {@code input} and what a folder input leaves out.
   *
   * @throws IllegalArgumentException if nothing matches, naming the input (and, for a folder, the
   *     first entries it skipped)
   * @throws IOException if the file system cannot be asked
   */
  public static Listing list(String input) throws IOException {
    // A path ending in '/' names a folder (and Beam refuses it as a file to match).
    List<String> matched = input.endsWith("/") ? List.of() : Paths.match(input);
    if (Paths.isGlob(input) || matched.size() == 1) {
      if (matched.isEmpty()) {
        throw new IllegalArgumentException("no OpenFace files at --input=" + input);
      }
      return new Listing(ImmutableList.of(input), ImmutableList.of());
    }
    ResourceId folder = FileSystems.matchNewResource(input, true);
    Listing listing =
        "file".equals(folder.getScheme())
            ? walkLocalFolder(Path.of(folder.toString()))
            : listRemoteFolder(folder.toString());
    if (listing.patterns().isEmpty()) {
      throw new IllegalArgumentException(
          "no OpenFace files at --input="
              + input
              + " (as a folder: no *.csv or *.csv.gz under it"
              + skippedSummary(listing.skipped())
              + ")");
    }
    return listing;
  }

  /** Whether {@code name} is an OpenFace CSV's, plain or gzip, in any case. */
  static boolean isOpenFaceName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".csv.gz");
  }

  /**
   * Lists a folder on a file system without links (such as {@code gs://}): every object under it.
   */
  private static Listing listRemoteFolder(String folder) throws IOException {
    List<String> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (String file : Paths.match(folder + "**")) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      if (isOpenFaceName(name)) {
        files.add(file);
      } else {
        skipped.add(new Skipped(file, OTHER_EXTENSION));
      }
    }
    return sorted(files, skipped);
  }

  /** Walks a local folder, following links, noting what it cannot or will not read. */
  private static Listing walkLocalFolder(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return sorted(List.of(), List.of());
    }
    List<Path> candidates = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Files.walkFileTree(
        root.toAbsolutePath(),
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            // Following links, a link's own attributes come only when its target cannot be read.
            if (attributes.isSymbolicLink()) {
              skipped.add(
                  new Skipped(
                      file.toString(),
                      Files.exists(file)
                          ? UNREADABLE + "its target is not readable"
                          : DANGLING_LINK));
            } else if (!attributes.isRegularFile()) {
              skipped.add(new Skipped(file.toString(), NOT_A_FILE));
            } else if (!isOpenFaceName(file.getFileName().toString())) {
              skipped.add(new Skipped(file.toString(), OTHER_EXTENSION));
            } else {
              candidates.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            skipped.add(new Skipped(file.toString(), failure(e)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path folder, IOException e) {
            if (e != null) {
              skipped.add(new Skipped(folder.toString(), failure(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return sorted(oncePerRealFile(root.toAbsolutePath(), candidates, skipped), skipped);
  }

  /**
   * Keeps one path per real file: the one reached without a link if there is one, else the first in
   * sorted order; the others are added to {@code skipped}.
   */
  private static List<String> oncePerRealFile(
      Path root, List<Path> candidates, List<Skipped> skipped) throws IOException {
    Path realRoot = root.toRealPath();
    candidates.sort(Comparator.comparing(Path::toString));
    Map<Path, Path> chosen = new LinkedHashMap<>();
    Map<Path, Path> realPaths = new HashMap<>();
    for (Path file : candidates) {
      Path real;
      try {
        real = file.toRealPath();
      } catch (IOException e) {
        skipped.add(new Skipped(file.toString(), failure(e)));
        continue;
      }
      realPaths.put(file, real);
      boolean direct = real.equals(realRoot.resolve(root.relativize(file)));
      chosen.merge(real, file, (current, other) -> direct ? other : current);
    }
    List<String> files = new ArrayList<>();
    for (Map.Entry<Path, Path> file : realPaths.entrySet()) {
      Path first = chosen.get(file.getValue());
      if (first.equals(file.getKey())) {
        files.add(file.getKey().toString());
      } else {
        skipped.add(new Skipped(file.getKey().toString(), SAME_FILE + first));
      }
    }
    return files;
  }

  private static String failure(IOException e) {
    if (e instanceof FileSystemLoopException) {
      return LINK_LOOP;
    }
    if (e instanceof NoSuchFileException) {
      return UNREADABLE + "it vanished while the folder was read";
    }
    return UNREADABLE + e;
  }

  private static Listing sorted(List<String> files, List<Skipped> skipped) {
    List<String> sortedFiles = new ArrayList<>(files);
    sortedFiles.sort(null);
    List<Skipped> sortedSkipped = new ArrayList<>(skipped);
    sortedSkipped.sort(Comparator.comparing(Skipped::path));
    return new Listing(ImmutableList.copyOf(sortedFiles), ImmutableList.copyOf(sortedSkipped));
  }

  private static String skippedSummary(List<Skipped> skipped) {
    if (skipped.isEmpty()) {
      return "";
    }
    StringBuilder summary =
        new StringBuilder("; ").append(skipped.size()).append(" skipped, such as ");
    for (int s = 0; s < Math.min(3, skipped.size()); s++) {
      summary.append(s == 0 ? "" : ", ");
      summary
          .append(skipped.get(s).path())
          .append(" (")
          .append(skipped.get(s).reason())
          .append(')');
    }
    return summary.toString();
  }
}
