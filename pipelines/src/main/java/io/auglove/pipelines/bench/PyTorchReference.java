package io.auglove.pipelines.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auglove.models.lstm.BiLstmSettings;
import io.auglove.pipelines.bench.BiLstmTrainingBenchmark.Settings;
import io.auglove.pipelines.bench.BiLstmTrainingBenchmark.Throughput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bilstm_benchmark.py}, the PyTorch version of the benchmark's model, from a temporary
 * copy of the resource, and reads the one JSON line it prints. A missing interpreter, a missing
 * torch, a failure or a time-out is reported in the {@link Outcome}, never thrown: the Java figures
 * stand on their own.
 */
public final class PyTorchReference {

  /** Where Debian's {@code python3-torch} is importable; the PATH's python3 may lack torch. */
  static final Path DEBIAN_PYTHON = Paths.get("/usr/bin/python3");

  /** The script, a resource beside this class. */
  static final String SCRIPT = "bilstm_benchmark.py";

  private static final long TIMEOUT_MINUTES = 60;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIGURES =
      List.of(
          "threads",
          "aus_warmup_seq_per_s",
          "aus_seq_per_s",
          "embedding_warmup_seq_per_s",
          "embedding_seq_per_s");

  private final Settings settings;

  PyTorchReference(Settings settings) {
    this.settings = settings;
  }

  /**
   * The Python side's figures, or why there are none.
   *
   * @param available whether the figures were measured
   * @param interpreter the Python interpreter tried; null if none was
   * @param torchVersion torch's version; null when unavailable
   * @param threads PyTorch's intra-op threads; 0 when unavailable
   * @param aus AU input; null when unavailable
   * @param embedding embedding input; null when unavailable
   * @param note why the figures are missing; empty when available
   */
  public record Outcome(
      boolean available,
      String interpreter,
      String torchVersion,
      int threads,
      Throughput aus,
      Throughput embedding,
      String note) {

    static Outcome missing(String interpreter, String note) {
      return new Outcome(false, interpreter, null, 0, null, null, note);
    }
  }

  /** The interpreter to use: the settings', else {@link #DEBIAN_PYTHON} if present, else PATH's. */
  Path interpreter() {
    if (settings.python() != null) {
      return settings.python();
    }
    return Files.isExecutable(DEBIAN_PYTHON) ? DEBIAN_PYTHON : Paths.get("python3");
  }

  /** Runs the script and reads its figures. */
  Outcome run() {
    String python = interpreter().toString();
    Path script;
    try {
      script = copyScript();
    } catch (IOException e) {
      throw new UncheckedIOException("benchmark: cannot copy " + SCRIPT, e);
    }
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  python,
                  script.toString(),
                  "--sequences",
                  String.valueOf(settings.sequences()),
                  "--steps",
                  String.valueOf(settings.steps()),
                  "--batch",
                  String.valueOf(settings.batchSize()),
                  "--vocabulary",
                  String.valueOf(settings.vocabularySize()),
                  "--dimension",
                  String.valueOf(settings.dimension()),
                  "--hidden",
                  String.valueOf(BiLstmSettings.DEFAULT_HIDDEN_SIZE),
                  "--dense",
                  String.valueOf(BiLstmSettings.DEFAULT_DENSE_SIZE),
                  "--dropout",
                  String.valueOf(BiLstmSettings.DEFAULT_DROPOUT),
                  "--lr",
                  String.valueOf(BiLstmSettings.DEFAULT_LEARNING_RATE),
                  "--threads",
                  String.valueOf(settings.threads()),
                  "--seed",
                  String.valueOf(settings.seed()))
              .redirectErrorStream(true);
      builder.environment().put("OMP_NUM_THREADS", String.valueOf(settings.threads()));
      builder.environment().put("MKL_NUM_THREADS", String.valueOf(settings.threads()));
      builder.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(settings.threads()));
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        return Outcome.missing(python, "cannot start " + python + ": " + e.getMessage());
      }
      List<String> lines = readLines(process.getInputStream());
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return Outcome.missing(python, python + " ran past " + TIMEOUT_MINUTES + " minutes");
      }
      return outcome(python, process.exitValue(), lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.missing(python, "interrupted");
    } finally {
      try {
        Files.deleteIfExists(script);
      } catch (IOException e) {
        // A temporary file left behind is harmless.
      }
    }
  }

  /** The outcome of a run that ended with {@code exitStatus} and printed {@code lines}. */
  static Outcome outcome(String python, int exitStatus, List<String> lines) {
    String json = null;
    for (String line : lines) {
      if (line.trim().startsWith("{")) {
        json = line.trim();
      }
    }
    if (json == null) {
      return Outcome.missing(
          python,
          python + " exited with status " + exitStatus + " and printed no figures: " + tail(lines));
    }
    JsonNode fields;
    try {
      fields = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return Outcome.missing(python, "unreadable figures from " + python + ": " + json);
    }
    if (fields.has("error")) {
      return Outcome.missing(python, fields.path("error").asText());
    }
    for (String field : FIGURES) {
      if (!fields.path(field).isNumber()) {
        return Outcome.missing(python, "unexpected figures from " + python + ": " + json);
      }
    }
    return new Outcome(
        true,
        python,
        fields.path("torch_version").asText(),
        fields.path("threads").asInt(),
        new Throughput(
            "aus",
            fields.path("aus_warmup_seq_per_s").asDouble(),
            fields.path("aus_seq_per_s").asDouble()),
        new Throughput(
            "embedding",
            fields.path("embedding_warmup_seq_per_s").asDouble(),
            fields.path("embedding_seq_per_s").asDouble()),
        "");
  }

  /** A temporary copy of {@link #SCRIPT}, which the caller deletes. */
  static Path copyScript() throws IOException {
    Path script = Files.createTempFile("bilstm_benchmark", ".py");
    try (InputStream in = PyTorchReference.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException("resource " + SCRIPT + " is missing");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }

  /** Every line of {@code stream}, until it ends. */
  static List<String> readLines(InputStream stream) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(output unreadable: " + e.getMessage() + ")");
    }
    return lines;
  }

  private static String tail(List<String> lines) {
    int from = Math.max(0, lines.size() - 5);
    return String.join(" | ", lines.subList(from, lines.size()));
  }
}
