package io.auglove.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.auglove.pipelines.bundle.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a bundle back the way a user of its files would. */
public final class Bundles {

  private Bundles() {}

  /** The manifest. */
  public static JsonNode manifest(Path bundle) throws IOException {
    return Json.read(Files.readString(bundle.resolve("manifest.json")));
  }

  /** The manifest without its "run" section (timestamps, durations, runner) and the output path. */
  public static String manifestWithoutRun(Path bundle) throws IOException {
    ObjectNode manifest = (ObjectNode) manifest(bundle);
    manifest.remove("run");
    ((ObjectNode) manifest.path("parameters")).remove("output");
    return Json.write(manifest);
  }

  /** vocab.tsv as token -> count, in file order; checks the index column counts 0, 1, 2, ... */
  public static Map<String, Long> vocabulary(Path bundle) throws IOException {
    List<String> lines = Files.readAllLines(bundle.resolve("vocab.tsv"));
    if (!lines.get(0).equals("token\tindex\tcount")) {
      throw new AssertionError("vocab.tsv header: " + lines.get(0));
    }
    Map<String, Long> vocabulary = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split("\t");
      if (fields.length != 3 || Integer.parseInt(fields[1]) != i - 1) {
        throw new AssertionError("vocab.tsv line " + (i + 1) + ": " + lines.get(i));
      }
      vocabulary.put(fields[0], Long.parseLong(fields[2]));
    }
    return vocabulary;
  }

  /**
   * An embedding file read as GloVe's text format: each line a token and {@code dimension} numbers;
   * the tokens in file order.
   */
  public static List<String> embeddingTokens(Path file, int dimension) throws IOException {
    List<String> tokens = new ArrayList<>();
    int line = 0;
    for (String text : Files.readAllLines(file)) {
      line++;
      String[] fields = text.split(" ");
      if (fields.length != dimension + 1) {
        throw new AssertionError(file + " line " + line + ": " + (fields.length - 1) + " values");
      }
      for (int d = 1; d <= dimension; d++) {
        if (!Double.isFinite(Double.parseDouble(fields[d]))) {
          throw new AssertionError(file + " line " + line + ": value " + d + " is not finite");
        }
      }
      tokens.add(fields[0]);
    }
    return tokens;
  }

  /** The vectors of an embedding file, token -> values. */
  public static Map<String, double[]> embeddings(Path file) throws IOException {
    Map<String, double[]> vectors = new LinkedHashMap<>();
    for (String text : Files.readAllLines(file)) {
      String[] fields = text.split(" ");
      double[] values = new double[fields.length - 1];
      for (int d = 0; d < values.length; d++) {
        values[d] = Double.parseDouble(fields[d + 1]);
      }
      vectors.put(fields[0], values);
    }
    return vectors;
  }

  /**
   * Lists {@code file}'s current SHA-256 in its bundle's manifest: a bundle that was written wrong,
   * but whose manifest agrees with it, so that what a reader checks beyond the hashes can be
   * tested.
   */
  public static void resign(Path bundle, String file) throws IOException {
    ObjectNode manifest = (ObjectNode) manifest(bundle);
    ((ObjectNode) manifest.get("files"))
        .put(file, Hashing.sha256().hashBytes(Files.readAllBytes(bundle.resolve(file))).toString());
    Files.writeString(bundle.resolve("manifest.json"), Json.write(manifest));
  }
}
