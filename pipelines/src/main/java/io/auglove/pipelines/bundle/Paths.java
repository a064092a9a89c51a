package io.auglove.pipelines.bundle;

import com.google.common.hash.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Reading and writing whole files through Beam's file systems, so that every path may be local or
 * {@code gs://}.
 */
public final class Paths {

  private Paths() {}

  /**
   * {@code name} inside the folder {@code folder}; {@code name} may hold sub-folders: {@code cv/x}.
   */
  public static String resolve(String folder, String name) {
    ResourceId resource = FileSystems.matchNewResource(folder, true);
    String[] parts = name.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      resource = resource.resolve(parts[i], StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    return resource
        .resolve(parts[parts.length - 1], StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }

  /**
   * Writes {@code content} to {@code path}, replacing it.
   *
   * @return the SHA-256 of what was written, hex
   */
  public static String write(String path, byte[] content) {
    ResourceId resource = FileSystems.matchNewResource(path, false);
    try (OutputStream out =
        Channels.newOutputStream(FileSystems.create(resource, MimeTypes.BINARY))) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + path + " failed: " + e.getMessage(), e);
    }
    return Hashing.sha256().hashBytes(content).toString();
  }

  /** Writes {@code text} as UTF-8; the SHA-256 of the bytes. */
  public static String write(String path, String text) {
    return write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code path} holds a wildcard ({@code * ? [ {}). */
  public static boolean isGlob(String path) {
    return path.contains("*") || path.contains("?") || path.contains("[") || path.contains("{");
  }

  private static boolean isMissingLocalPath(String path) {
    ResourceId resource = FileSystems.matchNewResource(path, false);
    return "file".equals(resource.getScheme())
        && !java.nio.file.Files.exists(java.nio.file.Paths.get(resource.toString()));
  }

  /**
   * The lines of the file at {@code path}.
   *
   * @throws IllegalArgumentException naming the path if there is no such file (a user's error)
   * @throws IOException naming the path if it cannot be read
   */
  public static List<String> readLines(String path) throws IOException {
    if (match(path).isEmpty()) {
      throw new IllegalArgumentException(path + " does not exist");
    }
    ResourceId resource = FileSystems.matchSingleFileSpec(path).resourceId();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Channels.newInputStream(FileSystems.open(resource)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new IOException("reading " + path + " failed: " + e.getMessage(), e);
    }
    return lines;
  }

  /**
   * The files that {@code pattern} (a path or glob) matches, in sorted order; none if it matches
   * nothing.
   *
   * @throws IOException if the file system cannot be asked
   */
  public static List<String> match(String pattern) throws IOException {
    if (!isGlob(pattern) && isMissingLocalPath(pattern)) {
      // Beam's local file system would search the whole tree under the missing path's parent for
      // it.
      return List.of();
    }
    MatchResult match = FileSystems.match(pattern);
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    for (MatchResult.Metadata metadata : match.metadata()) {
      if (!metadata.resourceId().isDirectory()) {
        files.add(metadata.resourceId().toString());
      }
    }
    files.sort(null);
    return files;
  }
}
