package io.auglove.pipelines.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.auglove.models.Centroids;
import io.auglove.models.Tokens;
import io.auglove.models.Vocabulary;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.pipelines.output.VerifiedOutput;
import io.auglove.transforms.AssignCluster;
import io.auglove.transforms.records.ClusterCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vocabulary bundle read back for featurizing and evaluating: its centres, cluster counts,
 * vocabulary, GloVe embeddings and the reading and assignment parameters it was built with.
 *
 * <p>An embedding file that disagrees with {@code vocab.tsv} (a token missing, an extra or repeated
 * token, a row of the wrong length or with a value that is not a number) is left out with a problem
 * naming the file, line and token; the rest of the bundle stays usable.
 */
public final class VocabularyBundle {

  private static final Pattern EMBEDDING_FILE = Pattern.compile("embeddings-d(\\d+)\\.txt");
  private static final Splitter TAB = Splitter.on('\t');
  private static final Splitter SPACE = Splitter.on(' ').omitEmptyStrings();

  private final String path;
  private final String manifestSha256;
  private final Centroids centroids;
  private final ClusterCounts counts;
  private final Vocabulary vocabulary;
  private final ImmutableSortedMap<Integer, float[][]> embeddings;
  private final double minConfidence;
  private final double maxGapSeconds;
  private final double distanceThreshold;
  private final long countThreshold;
  private final ImmutableList<String> problems;

  private VocabularyBundle(
      String path,
      String manifestSha256,
      Centroids centroids,
      ClusterCounts counts,
      Vocabulary vocabulary,
      SortedMap<Integer, float[][]> embeddings,
      JsonNode parameters,
      List<String> problems) {
    this.path = path;
    this.manifestSha256 = manifestSha256;
    this.centroids = centroids;
    this.counts = counts;
    this.vocabulary = vocabulary;
    this.embeddings = ImmutableSortedMap.copyOfSorted(embeddings);
    this.minConfidence = parameters.path("min_confidence").asDouble(0.9);
    this.maxGapSeconds = parameters.path("max_gap_seconds").asDouble(2.0);
    this.distanceThreshold =
        parameters.path("distance_threshold").asDouble(AssignCluster.DEFAULT_DISTANCE_THRESHOLD);
    this.countThreshold =
        parameters.path("count_threshold").asLong(AssignCluster.DEFAULT_COUNT_THRESHOLD);
    this.problems = ImmutableList.copyOf(problems);
  }

  /**
   * Reads the bundle in folder {@code path} (local or gs://).
   *
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException naming the file if the manifest, centres, counts or vocabulary
   *     are missing or malformed
   */
  public static VocabularyBundle read(String path) throws IOException {
    VerifiedOutput verified = OutputManifest.verify(path);
    JsonNode manifest = verified.manifest();
    String manifestFile = Paths.resolve(path, BundleFiles.MANIFEST);
    List<String> files = verified.files();
    for (String required :
        List.of(BundleFiles.CENTROIDS, BundleFiles.CLUSTER_COUNTS, BundleFiles.VOCABULARY)) {
      if (!files.contains(required)) {
        throw new IllegalArgumentException(
            manifestFile + " lists no " + required + ": not a vocabulary bundle");
      }
    }
    Centroids centroids = CentroidsFiles.readCentroids(path);
    ClusterCounts counts =
        CentroidsFiles.readCounts(Paths.resolve(path, BundleFiles.CLUSTER_COUNTS), centroids.k())
            .counts();
    Vocabulary vocabulary = readVocabulary(Paths.resolve(path, BundleFiles.VOCABULARY));
    List<String> problems = new ArrayList<>();
    SortedMap<Integer, float[][]> embeddings = new TreeMap<>();
    for (String name : files) {
      Matcher embeddingName = EMBEDDING_FILE.matcher(name);
      if (!embeddingName.matches()) {
        continue;
      }
      int dimension = Integer.parseInt(embeddingName.group(1));
      try {
        embeddings.put(dimension, readEmbedding(Paths.resolve(path, name), dimension, vocabulary));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage() + "; the d=" + dimension + " embedding is left out");
      }
    }
    return new VocabularyBundle(
        path,
        OutputManifest.sha256(manifestFile),
        centroids,
        counts,
        vocabulary,
        embeddings,
        manifest.path("parameters"),
        problems);
  }

  /** Reads {@code vocab.tsv}: a header, then token, index (0, 1, ... in order) and count. */
  static Vocabulary readVocabulary(String file) throws IOException {
    List<String> lines = Paths.readLines(file);
    List<Integer> codes = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      List<String> fields = TAB.splitToList(lines.get(n));
      try {
        if (fields.size() != 3) {
          throw new IllegalArgumentException("expected token, index, count");
        }
        if (Integer.parseInt(fields.get(1).trim()) != codes.size()) {
          throw new IllegalArgumentException(
              "index " + fields.get(1) + " where " + codes.size() + " was expected");
        }
        codes.add(Tokens.code(fields.get(0).trim()));
        counts.add(Long.parseLong(fields.get(2).trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s, line %d: %s", file, n + 1, e.getMessage()), e);
      }
    }
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(file + ": no tokens");
    }
    Vocabulary vocabulary =
        Vocabulary.of(
            codes.stream().mapToInt(Integer::intValue).toArray(),
            counts.stream().mapToLong(Long::longValue).toArray());
    for (int i = 0; i < codes.size(); i++) {
      if (vocabulary.code(i) != codes.get(i)) {
        throw new IllegalArgumentException(
            file
                + ": tokens are not in the vocabulary's order (<END>, <START>, <unk>, c0, c1, ...)");
      }
    }
    return vocabulary;
  }

  /** The embedding rows in vocabulary order, checked against the vocabulary. */
  static float[][] readEmbedding(String file, int dimension, Vocabulary vocabulary)
      throws IOException {
    float[][] rows = new float[vocabulary.size()][];
    List<String> lines = Paths.readLines(file);
    for (int n = 0; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      List<String> fields = SPACE.splitToList(lines.get(n));
      String token = fields.get(0);
      int index;
      try {
        index = vocabulary.indexOf(Tokens.code(token));
      } catch (IllegalArgumentException e) {
        index = -1;
      }
      if (index < 0) {
        throw embeddingProblem(file, n + 1, "token " + token + " is not in vocab.tsv");
      }
      if (rows[index] != null) {
        throw embeddingProblem(file, n + 1, "token " + token + " appears twice");
      }
      if (fields.size() != dimension + 1) {
        throw embeddingProblem(
            file, n + 1, token + " has " + (fields.size() - 1) + " values, not " + dimension);
      }
      float[] row = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        try {
          row[d] = Float.parseFloat(fields.get(d + 1));
        } catch (NumberFormatException e) {
          throw embeddingProblem(
              file, n + 1, token + ": '" + fields.get(d + 1) + "' is not a number");
        }
        if (!Float.isFinite(row[d])) {
          throw embeddingProblem(
              file, n + 1, token + ": '" + fields.get(d + 1) + "' is not finite");
        }
      }
      rows[index] = row;
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new IllegalArgumentException(
            file + ": token " + vocabulary.token(i) + " of vocab.tsv has no vector");
      }
    }
    return rows;
  }

  private static IllegalArgumentException embeddingProblem(String file, int line, String what) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "%s, line %d: %s", file, line, what));
  }

  /** The bundle's folder. */
  public String path() {
    return path;
  }

  /** The SHA-256 of the bundle's manifest, which names every file and its hash. */
  public String manifestSha256() {
    return manifestSha256;
  }

  public Centroids centroids() {
    return centroids;
  }

  /** The counts of {@code cluster_counts.csv}, which the {@code <unk>} count rule uses. */
  public ClusterCounts counts() {
    return counts;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The usable embeddings by dimension: rows in vocabulary order. */
  public ImmutableSortedMap<Integer, float[][]> embeddings() {
    return embeddings;
  }

  /** The confidence threshold the bundle's frames were filtered with. */
  public double minConfidence() {
    return minConfidence;
  }

  /** The gap that split the bundle's tracks into sequences. */
  public double maxGapSeconds() {
    return maxGapSeconds;
  }

  public double distanceThreshold() {
    return distanceThreshold;
  }

  public long countThreshold() {
    return countThreshold;
  }

  /** What was wrong with the bundle and left out, one message per problem. */
  public ImmutableList<String> problems() {
    return problems;
  }
}
