package io.auglove.pipelines.vocabulary;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.auglove.models.Centroids;
import io.auglove.models.kmeans.CentroidUpdate;
import io.auglove.pipelines.bundle.CentroidsFiles;
import io.auglove.pipelines.bundle.Json;
import io.auglove.transforms.WindowCooccur;
import io.auglove.transforms.records.ClusterCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vocabulary pipeline's options, parsed and checked before anything runs: lists split, names
 * resolved, published centres and counts read. Every problem is an {@link IllegalArgumentException}
 * with a one-line message that names the option.
 */
public final class VocabularySettings {

  final String input;
  final ImmutableList<String> patterns;
  final String output;
  final ImmutableList<Integer> ks;
  final int vocabK;
  final String centroidsSource;
  final Centroids centroids;
  final String countsSource;
  final ClusterCounts counts;
  final ImmutableList<String> warnings;
  final long seed;
  final double minConfidence;
  final double maxGapSeconds;
  final int maxIterations;
  final double tolerance;
  final int initSampleSize;
  final int maxFitFrames;
  final CentroidUpdate centroidUpdate;
  final double distanceThreshold;
  final long countThreshold;
  final int window;
  final WindowCooccur.Weighting weighting;
  final ImmutableList<Integer> dimensions;
  final int epochs;

  private VocabularySettings(VocabularyOptions o) throws IOException {
    input = o.getInput();
    patterns = ImmutableList.copyOf(InputFiles.patterns(input));
    output = o.getOutput();
    ks = positiveList("k", o.getK());
    vocabK = o.getVocabK();
    checkArgument(
        vocabK == 0 || ks.contains(vocabK), "--vocab-k=%s is not one of --k=%s", vocabK, o.getK());
    List<String> notes = new ArrayList<>();
    centroidsSource = o.getCentroids();
    centroids = centroidsSource == null ? null : CentroidsFiles.readCentroids(centroidsSource);
    if (centroids != null) {
      for (int c = 0; c < centroids.k(); c++) {
        if (centroids.isEmpty(c)) {
          notes.add("centre " + c + " of " + centroidsSource + " is empty: no frame can join it");
        }
      }
    }
    countsSource = o.getCounts();
    if (countsSource != null) {
      checkArgument(
          centroids != null, "--counts needs --centroids: counts belong to given centres");
      CentroidsFiles.CountsFile file = CentroidsFiles.readCounts(countsSource, centroids.k());
      counts = file.counts();
      if (!file.missing().isEmpty()) {
        notes.add(
            countsSource
                + " lists no count for cluster(s) "
                + file.missing()
                + ": they count 0, so their frames become <unk>");
      }
    } else {
      counts = null;
    }
    warnings = ImmutableList.copyOf(notes);
    seed = o.getSeed();
    minConfidence = o.getMinConfidence();
    checkArgument(
        minConfidence >= 0 && minConfidence <= 1,
        "--min-confidence must be within 0..1, got %s",
        minConfidence);
    maxGapSeconds = o.getMaxGapSeconds();
    checkArgument(
        maxGapSeconds >= 0.2, "--max-gap-seconds must be at least 0.2, got %s", maxGapSeconds);
    maxIterations = o.getMaxIterations();
    checkArgument(maxIterations >= 1, "--max-iterations must be at least 1, got %s", maxIterations);
    tolerance = o.getTolerance();
    checkArgument(tolerance >= 0, "--tolerance must be >= 0, got %s", tolerance);
    initSampleSize = o.getInitSampleSize();
    checkArgument(
        initSampleSize >= 1, "--init-sample-size must be at least 1, got %s", initSampleSize);
    maxFitFrames = o.getMaxFitFrames();
    checkArgument(maxFitFrames >= 0, "--max-fit-frames must be >= 0, got %s", maxFitFrames);
    centroidUpdate = choice("centroid-update", o.getCentroidUpdate(), CentroidUpdate.class);
    distanceThreshold = o.getDistanceThreshold();
    checkArgument(
        distanceThreshold > 0, "--distance-threshold must be > 0, got %s", distanceThreshold);
    countThreshold = o.getCountThreshold();
    checkArgument(countThreshold >= 0, "--count-threshold must be >= 0, got %s", countThreshold);
    window = o.getWindow();
    weighting = choice("weighting", o.getWeighting(), WindowCooccur.Weighting.class);
    dimensions = positiveList("dimensions", o.getDimensions());
    epochs = o.getEpochs();
    checkArgument(epochs >= 1, "--epochs must be at least 1, got %s", epochs);
  }

  /**
   * Parses and checks {@code options}.
   *
   * @throws IllegalArgumentException with a one-line reason for the first bad option
   * @throws IOException if a given centres or counts file cannot be read
   */
  public static VocabularySettings from(VocabularyOptions options) throws IOException {
    return new VocabularySettings(options);
  }

  /** Whether the centres are given (and fitting is skipped). */
  boolean centroidsGiven() {
    return centroids != null;
  }

  /** Every setting, for the manifest's "parameters". */
  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("input", input);
    json.put("output", output);
    if (centroidsGiven()) {
      json.put("centroids", centroidsSource);
      json.put("counts", countsSource);
    } else {
      ArrayNode kArray = json.putArray("k");
      ks.forEach(kArray::add);
      json.put("vocab_k", vocabK);
      json.put("max_iterations", maxIterations);
      json.put("tolerance", tolerance);
      json.put("init_sample_size", initSampleSize);
      json.put("max_fit_frames", maxFitFrames);
      json.put("centroid_update", name(centroidUpdate));
    }
    json.put("seed", seed);
    json.put("min_confidence", minConfidence);
    json.put("max_gap_seconds", maxGapSeconds);
    json.put("distance_threshold", distanceThreshold);
    json.put("count_threshold", countThreshold);
    json.put("window", window);
    json.put("weighting", name(weighting));
    ArrayNode dimensionArray = json.putArray("dimensions");
    dimensions.forEach(dimensionArray::add);
    json.put("epochs", epochs);
    return json;
  }

  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static ImmutableList<Integer> positiveList(String option, String text) {
    List<Integer> values = new ArrayList<>();
    for (String part : Splitter.on(',').trimResults().omitEmptyStrings().split(text)) {
      int value;
      try {
        value = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--" + option + "=" + text + ": '" + part + "' is not a whole number", e);
      }
      checkArgument(value >= 1, "--%s=%s: every value must be at least 1", option, text);
      checkArgument(!values.contains(value), "--%s=%s: %s appears twice", option, text, value);
      values.add(value);
    }
    checkArgument(!values.isEmpty(), "--%s must list at least one value", option);
    return ImmutableList.copyOf(values);
  }

  private static <E extends Enum<E>> E choice(String option, String text, Class<E> type) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text)) {
        return value;
      }
    }
    List<String> names = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      names.add(name(value));
    }
    throw new IllegalArgumentException(
        "--" + option + "=" + text + " is not one of " + String.join(", ", names));
  }
}
