package io.auglove.pipelines.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test outputs: their files as text (one char per byte), written and compared whole. */
final class OutputFiles {

  private OutputFiles() {}

  /** How a test publishes: by renaming a local folder, or as on an object store. */
  enum Publishing {
    RENAME,
    COPY;

    StagedOutput begin(String output, boolean overwrite, String run) {
      return this == RENAME
          ? StagedOutput.begin(output, overwrite, run)
          : StagedOutput.beginByCopy(output, overwrite, run);
    }
  }

  /**
   * The files of one run, the same for the same {@code generation}, fewer dimensions in odd ones.
   */
  static Map<String, String> generation(int generation) {
    Map<String, String> files = new TreeMap<>();
    files.put("centroids.csv", "generation," + generation + "\n" + "0.5,".repeat(16) + "1\n");
    files.put("vocab.tsv", "token\tindex\tcount\n<unk>\t0\t" + (100 + generation) + "\n");
    int dimension = generation % 2 == 0 ? 50 : 20;
    files.put("embeddings-d" + dimension + ".txt", ("0.25 ".repeat(dimension) + "\n").repeat(40));
    StringBuilder cooccurrence = new StringBuilder();
    for (int row = 0; row < 4000; row++) {
      cooccurrence.append(row).append('\t').append(row * 7 + generation).append("\t1.5\n");
    }
    files.put("cooccurrence.tsv", cooccurrence.toString());
    files.put("fixed/report.json", "{\"generation\": " + generation + "}\n");
    return files;
  }

  /** A manifest listing {@code files} with their SHA-256 (computed here by the JDK). */
  static String manifestText(Map<String, String> files) {
    ObjectNode manifest = Json.object();
    manifest.put("format", "auglove-test-output");
    ObjectNode hashes = manifest.putObject(OutputManifest.FILES);
    new TreeMap<>(files).forEach((name, content) -> hashes.put(name, sha256(bytes(content))));
    return Json.write(manifest);
  }

  /** Writes {@code files} and their manifest into the staging folder of {@code output}. */
  static void stage(StagedOutput output, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Paths.write(output.stagingPath(file.getKey()), bytes(file.getValue()));
    }
    OutputManifest.write(output.stagingFolder(), manifestText(files));
  }

  /** Publishes {@code files} into {@code output} as a whole run does. */
  static void publish(
      Publishing publishing, Path output, boolean overwrite, Map<String, String> files)
      throws IOException {
    StagedOutput run = publishing.begin(output.toString(), overwrite, StagedOutput.newRunId());
    stage(run, files);
    run.publish();
  }

  /** Every file under {@code folder} with its bytes as text (ISO-8859-1); none if it is missing. */
  static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(file).toString(),
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /** {@code files} with {@code manifest.json} added, as a published output holds them. */
  static Map<String, String> withManifest(Map<String, String> files) {
    Map<String, String> all = new TreeMap<>(files);
    all.put(OutputManifest.FILE_NAME, manifestText(files));
    return all;
  }

  /** The regular files under {@code parent} that are not inside {@code output}, sorted. */
  static List<String> filesOutside(Path parent, Path output) throws IOException {
    try (Stream<Path> walk = Files.walk(parent)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !file.startsWith(output))
          .map(file -> parent.relativize(file).toString())
          .sorted()
          .toList();
    }
  }

  static byte[] bytes(String content) {
    return content.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
