package io.auglove.pipelines.bench;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auglove.models.lstm.BiLstmRegressor;
import io.auglove.models.lstm.BiLstmSettings;
import io.auglove.models.lstm.LstmInput;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Regressor;
import io.auglove.models.regression.Sample;
import io.auglove.models.regression.TargetScaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The network of a {@link BiLstmRegressor} written in PyTorch ({@code bilstm_benchmark.py fit} and
 * {@code predict}), as a {@link Regressor}: the reference the Java training is checked against. It
 * reads exactly the steps the Java network reads ({@link BiLstmRegressor#steps}), with the targets
 * scaled by the same {@link TargetScaler}, the same sizes, dropout, Adam, batch, readout and early
 * stopping, so under one protocol the two differ only in their implementation and their random
 * draws (PyTorch's own initialisation, shuffles and dropout, seeded by the fit's seed).
 *
 * <p>Each fit and each prediction is one Python process, with one PyTorch thread, on the CPU; the
 * interpreter is Debian's {@code /usr/bin/python3} ({@code apt-get install python3-torch}) when it
 * exists, else the PATH's {@code python3}. A failure is thrown with the script's last lines.
 */
public final class PyTorchBiLstm implements Regressor {

  private static final long TIMEOUT_MINUTES = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BiLstmRegressor java;

  /** The PyTorch twin of {@code java}: its settings and the steps it reads. */
  public PyTorchBiLstm(BiLstmRegressor java) {
    this.java = checkNotNull(java, "pytorch: the Java model is null");
  }

  @Override
  public String name() {
    return "PyTorch " + java.name();
  }

  @Override
  public Predictor fit(List<Sample> train, List<Sample> validation, long seed) {
    TargetScaler scaler = TargetScaler.fit(Sample.targets(train));
    Path state = temporary("bilstm-state", ".pt");
    Path data = temporary("bilstm-data", ".tsv");
    try {
      write(data, seed, scaler, List.of(train, validation, List.of()));
      JsonNode result = run("fit", data, state);
      return new Twin(
          state,
          scaler,
          seed,
          "epoch " + result.path("best_epoch").asInt() + " of " + result.path("epochs").asInt());
    } catch (RuntimeException e) {
      delete(state);
      throw e;
    } finally {
      delete(data);
    }
  }

  /** A trained twin: its weights in a temporary file, deleted on close. */
  private final class Twin implements Predictor {

    private final Path state;
    private final TargetScaler scaler;
    private final long seed;
    private final String choice;

    Twin(Path state, TargetScaler scaler, long seed, String choice) {
      this.state = state;
      this.scaler = scaler;
      this.seed = seed;
      this.choice = choice;
    }

    @Override
    public double[] predict(List<Sample> samples) {
      Path data = temporary("bilstm-data", ".tsv");
      try {
        write(data, seed, scaler, List.of(List.of(), List.of(), samples));
        JsonNode outputs = run("predict", data, state).path("outputs");
        double[] predictions = new double[samples.size()];
        for (int i = 0; i < predictions.length; i++) {
          predictions[i] = scaler.unscale(outputs.get(i).asDouble());
        }
        return predictions;
      } finally {
        delete(data);
      }
    }

    @Override
    public String choice() {
      return choice;
    }

    @Override
    public void close() {
      delete(state);
    }
  }

  /** The script's input: the settings, then the train, validation and predict rows, the table. */
  private void write(Path data, long seed, TargetScaler scaler, List<List<Sample>> roles) {
    BiLstmSettings settings = java.settings();
    LstmInput input = settings.input();
    var header = JSON.createObjectNode();
    header.put("input", input.readsTokens() ? "tokens" : "aus");
    header.put("readout", settings.readout().label());
    header.put("hidden", settings.hiddenSize());
    header.put("dense", settings.denseSize());
    header.put("dropout", settings.dropout());
    header.put("lr", settings.learningRate());
    header.put("batch", settings.batchSize());
    header.put("max_epochs", settings.maxEpochs());
    header.put("patience", settings.patience());
    header.put("seed", seed);
    header.put("threads", 1);
    header.put("vocabulary", input instanceof LstmInput.RandomEmbedding r ? r.vocabularySize() : 0);
    header.put("embedding", input instanceof LstmInput.RandomEmbedding r ? r.embeddingSize() : 0);
    header.put("frozen", input instanceof LstmInput.PretrainedEmbedding p && p.frozen());
    String[] names = {"train", "validation", "predict"};
    try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
      out.write(JSON.writeValueAsString(header) + "\n");
      for (int r = 0; r < names.length; r++) {
        for (Sample sample : roles.get(r)) {
          out.write(names[r] + "\t" + (r == 2 ? 0 : scaler.scale(sample.target())) + "\t");
          out.write(values(java.steps(sample), input.readsTokens()) + "\n");
        }
      }
      if (input instanceof LstmInput.PretrainedEmbedding pretrained) {
        for (float[] row : pretrained.table()) {
          out.write("table\t0\t" + values(new float[][] {row}, false) + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("pytorch: cannot write " + data, e);
    }
  }

  private static String values(float[][] steps, boolean ids) {
    StringBuilder text = new StringBuilder();
    for (float[] step : steps) {
      for (float value : step) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(ids ? Integer.toString((int) value) : Float.toString(value));
      }
    }
    return text.toString();
  }

  /** Runs the script in {@code mode} and returns the JSON it printed last. */
  private static JsonNode run(String mode, Path data, Path state) {
    Path script = null;
    try {
      script = PyTorchReference.copyScript();
      Path python =
          Files.isExecutable(PyTorchReference.DEBIAN_PYTHON)
              ? PyTorchReference.DEBIAN_PYTHON
              : Path.of("python3");
      ProcessBuilder builder =
          new ProcessBuilder(
                  python.toString(), script.toString(), mode, data.toString(), state.toString())
              .redirectErrorStream(true);
      builder.environment().put("OMP_NUM_THREADS", "1");
      builder.environment().put("OPENBLAS_NUM_THREADS", "1");
      Process process = builder.start();
      List<String> lines = PyTorchReference.readLines(process.getInputStream());
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "pytorch: " + mode + " ran past " + TIMEOUT_MINUTES + " min");
      }
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (process.exitValue() != 0 || !last.startsWith("{") || last.contains("\"error\"")) {
        throw new IllegalStateException(
            "pytorch: "
                + mode
                + " exited with status "
                + process.exitValue()
                + ": "
                + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
      }
      return JSON.readTree(last);
    } catch (IOException e) {
      throw new UncheckedIOException("pytorch: " + mode + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("pytorch: " + mode + " was interrupted", e);
    } finally {
      if (script != null) {
        delete(script);
      }
    }
  }

  private static Path temporary(String prefix, String suffix) {
    try {
      return Files.createTempFile(prefix, suffix);
    } catch (IOException e) {
      throw new UncheckedIOException("pytorch: cannot create a temporary file", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("pytorch: cannot delete " + file, e);
    }
  }
}
