package io.auglove.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code vocabulary_baseline.py}, the same stages written with pandas and scikit-learn, on the
 * same files, and reads the JSON it writes: its seconds per stage, its peak memory and the counts
 * it found.
 */
final class PythonBaseline {

  private static final String SCRIPT = "vocabulary_baseline.py";

  private final String python;
  private final Path work;

  /**
   * @param python the interpreter with pandas and scikit-learn (Debian's {@code python3-pandas} and
   *     {@code python3-sklearn})
   * @param work a folder for the script and its output
   */
  PythonBaseline(String python, Path work) {
    this.python = python;
    this.work = work;
  }

  /**
   * The baseline's JSON for the corpus under {@code input}.
   *
   * @param counts the cluster counts file; null: the corpus's own counts
   * @throws IOException if the interpreter cannot start or the script fails (its output says why)
   */
  JsonNode run(
      String input,
      String centroids,
      String counts,
      double distanceThreshold,
      long countThreshold,
      int window)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path script = work.resolve(SCRIPT);
    try (InputStream in = PythonBaseline.class.getResourceAsStream(SCRIPT)) {
      Files.write(script, in.readAllBytes());
    }
    Path output = work.resolve("baseline.json");
    Files.deleteIfExists(output);
    List<String> command =
        new ArrayList<>(
            List.of(
                python,
                script.toString(),
                "--input=" + input,
                "--centroids=" + centroids,
                "--distance-threshold=" + distanceThreshold,
                "--count-threshold=" + countThreshold,
                "--window=" + window,
                "--output=" + output));
    if (counts != null) {
      command.add("--counts=" + counts);
    }
    Path log = work.resolve("baseline.log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IOException(
          "cannot start " + python + " for the Python baseline (--python): " + e.getMessage(), e);
    }
    int status = process.waitFor();
    if (status != 0) {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
      throw new IOException(
          "the Python baseline failed (exit " + status + "): " + last + " (log: " + log + ")");
    }
    return Json.read(Files.readString(output, StandardCharsets.UTF_8));
  }
}
