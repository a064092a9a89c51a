package io.auglove.pipelines.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * An output's {@code manifest.json}: its completion mark, written last, and the list of its files
 * with the SHA-256 of each ({@code "files": {"relative/name": "lowercase hex"}}, the format of the
 * vocabulary bundle's manifest). Readers {@link #verify} a folder before reading it and find its
 * files through the manifest, never by matching names in the folder.
 *
 * <p>Every path may be local or {@code gs://}; files are hashed as a stream, so they may be large.
 */
public final class OutputManifest {

  /** The manifest's file name in every output folder. */
  public static final String FILE_NAME = "manifest.json";

  /** The manifest's field mapping each file's relative name to its SHA-256. */
  public static final String FILES = "files";

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final String TEMPORARY = ".manifest.json.partial";
  private static final int BUFFER_BYTES = 1 << 20;

  private OutputManifest() {}

  /**
   * Checks every file that the manifest of {@code folder} lists against its SHA-256.
   *
   * @return the folder's files, as its manifest lists them
   * @throws IllegalArgumentException in one line naming the folder or file: no manifest, an
   *     unreadable manifest, a listed file missing, a file that differs from its SHA-256
   * @throws IOException if a file cannot be read
   */
  public static VerifiedOutput verify(String folder) throws IOException {
    JsonNode manifest = read(folder);
    Map<String, String> files = files(folder, manifest);
    for (Map.Entry<String, String> file : files.entrySet()) {
      String path = Paths.resolve(folder, file.getKey());
      if (Paths.match(path).isEmpty()) {
        throw new IllegalArgumentException(
            path + " is listed in " + manifestPath(folder) + " but missing");
      }
      String actual = sha256(path);
      if (!actual.equals(file.getValue())) {
        throw new IllegalArgumentException(
            path
                + " does not match its manifest (sha256 "
                + actual
                + ", listed "
                + file.getValue()
                + "): it was changed after the run");
      }
    }
    return new VerifiedOutput(folder, manifest, files);
  }

  /**
   * Writes {@code text} as the manifest of {@code folder}, whole: a reader sees either no manifest
   * or all of it (a local file is written beside it and renamed; an object store shows an object
   * only once it is complete).
   *
   * @throws IllegalArgumentException if {@code text} has no valid {@code "files"} object
   */
  public static void write(String folder, String text) throws IOException {
    files(folder, parse(manifestPath(folder), text));
    String manifest = manifestPath(folder);
    if (!"file".equals(FileSystems.matchNewResource(manifest, false).getScheme())) {
      Paths.write(manifest, text);
      return;
    }
    String partial = Paths.resolve(folder, TEMPORARY);
    Paths.write(partial, text);
    FileSystems.rename(
        List.of(FileSystems.matchNewResource(partial, false)),
        List.of(FileSystems.matchNewResource(manifest, false)));
  }

  /**
   * The SHA-256 of each of {@code names} in {@code folder}, for a manifest's {@code "files"}: for
   * files that a transform wrote without hashing them (sharded text, for one).
   */
  public static ImmutableSortedMap<String, String> hashes(String folder, Collection<String> names)
      throws IOException {
    ImmutableSortedMap.Builder<String, String> hashes = ImmutableSortedMap.naturalOrder();
    for (String name : names) {
      checkName(folder, name);
      hashes.put(name, sha256(Paths.resolve(folder, name)));
    }
    return hashes.build();
  }

  /** The SHA-256 of the file at {@code path}, lowercase hex, read as a stream. */
  public static String sha256(String path) throws IOException {
    ResourceId resource = FileSystems.matchNewResource(path, false);
    Hasher hasher = Hashing.sha256().newHasher();
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Channels.newInputStream(FileSystems.open(resource))) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        hasher.putBytes(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new IOException("reading " + path + " failed: " + e.getMessage(), e);
    }
    return hasher.hash().toString();
  }

  /** The manifest of {@code folder}, parsed; refused in one line if absent or unreadable. */
  static JsonNode read(String folder) throws IOException {
    String manifest = manifestPath(folder);
    if (Paths.match(manifest).isEmpty()) {
      throw new IllegalArgumentException(
          folder + " is incomplete or not an auglove output: it has no " + FILE_NAME);
    }
    return parse(manifest, String.join("\n", Paths.readLines(manifest)));
  }

  /**
   * The files that {@code manifest} lists, by name; refused in one line if the list is absent, a
   * name leaves the folder or a hash is not a SHA-256.
   */
  static ImmutableSortedMap<String, String> files(String folder, JsonNode manifest) {
    JsonNode files = manifest.path(FILES);
    if (!files.isObject()) {
      throw new IllegalArgumentException(
          manifestPath(folder) + " has no \"" + FILES + "\" object listing the output's files");
    }
    ImmutableSortedMap.Builder<String, String> names = ImmutableSortedMap.naturalOrder();
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      checkName(folder, file.getKey());
      String hash = file.getValue().asText("");
      if (!file.getValue().isTextual() || !SHA256_HEX.matcher(hash).matches()) {
        throw new IllegalArgumentException(
            manifestPath(folder)
                + " lists "
                + file.getKey()
                + " with "
                + file.getValue()
                + ", not a lowercase hex SHA-256");
      }
      names.put(file.getKey(), hash);
    }
    return names.build();
  }

  /**
   * Refuses to publish {@code staging}, a staging folder of {@code output}, unless its manifest is
   * there and every file it lists is too (the hashes are left to readers).
   *
   * @throws IllegalStateException naming what is missing
   */
  static void requireReadyToPublish(String output, String staging) throws IOException {
    try {
      for (String name : files(staging, read(staging)).keySet()) {
        String path = Paths.resolve(staging, name);
        if (Paths.match(path).isEmpty()) {
          throw new IllegalArgumentException(path + " is listed in its manifest but missing");
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the new " + output + " is not ready to publish: " + e.getMessage(), e);
    }
  }

  static String manifestPath(String folder) {
    return Paths.resolve(folder, FILE_NAME);
  }

  private static JsonNode parse(String manifest, String text) {
    try {
      JsonNode node = Json.read(text);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(
          manifest + " is not valid JSON: " + e.getMessage().replace('\n', ' '), e);
    }
    throw new IllegalArgumentException(manifest + " is not a JSON object");
  }

  /** Refuses a name that is empty, absolute, leaves the folder or is the manifest itself. */
  private static void checkName(String folder, String name) {
    boolean inside =
        !name.isEmpty()
            && !name.startsWith("/")
            && !name.contains("\\")
            && !name.endsWith("/")
            && !name.equals(FILE_NAME);
    for (String part : name.split("/", -1)) {
      inside &= !part.isEmpty() && !part.equals(".") && !part.equals("..");
    }
    if (!inside) {
      throw new IllegalArgumentException(
          manifestPath(folder) + " lists '" + name + "', which is not a file inside " + folder);
    }
  }
}
