package io.auglove.pipelines.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.auglove.models.Centroids;
import io.auglove.models.Vocabulary;
import io.auglove.pipelines.input.InputFiles;
import io.auglove.transforms.ChooseK;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.KMeansFit;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.FileReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The sections of {@code manifest.json}, each built from the values it describes. */
public final class ManifestSections {

  /** How many skipped input entries the manifest names one by one. */
  static final int SKIPPED_LISTED = 100;

  private ManifestSections() {}

  /**
   * The quality report: {@code "files"}, one object per input file (sorted by path), and {@code
   * "totals"}, the same counts for the corpus. For a file: path, content hash, tracks, sequences,
   * rows read, frames kept (5 fps frames that reach k-means), frames filtered by reason, rows
   * rejected, and why the file was refused if it was.
   */
  public static ObjectNode quality(List<FileReport> reports) {
    List<FileReport> sorted = sorted(reports);
    ObjectNode quality = Json.object();
    ArrayNode files = quality.putArray("files");
    for (FileReport report : sorted) {
      ObjectNode file = counts(files.addObject().put("path", report.file()), report);
      if (report.failed()) {
        file.put("error", report.error());
      } else {
        file.put("sha256", report.sha256());
      }
    }
    FileReport total = FileReport.total("totals", sorted);
    ObjectNode totals = quality.putObject("totals");
    totals.put("files", sorted.size());
    totals.put("files_refused", sorted.stream().filter(FileReport::failed).count());
    counts(totals, total);
    totals.put("reconciles", sorted.stream().allMatch(r -> r.failed() || r.reconciles()));
    return quality;
  }

  private static ObjectNode counts(ObjectNode node, FileReport report) {
    node.put("tracks", report.tracks());
    node.put("sequences", report.sequences());
    node.put("read", report.read());
    node.put("kept", report.kept());
    ObjectNode filtered = node.putObject("filtered");
    filtered.put("low_confidence", report.lowConfidence());
    filtered.put("success_0", report.successZero());
    filtered.put("downsampled", report.downsampled());
    node.put("rejected", report.rejected());
    return node;
  }

  /**
   * What was read: the patterns, the number of files, and a fingerprint of their content: the
   * SHA-256 of the sorted SHA-256s of the files read, one per line, so it does not depend on where
   * the files are.
   */
  public static ObjectNode input(
      List<String> patterns, String skippedJson, List<FileReport> reports) {
    List<String> hashes = new ArrayList<>();
    for (FileReport report : reports) {
      if (!report.failed()) {
        hashes.add(report.sha256());
      }
    }
    hashes.sort(null);
    ObjectNode input = Json.object();
    ArrayNode patternArray = input.putArray("patterns");
    patterns.forEach(patternArray::add);
    input.set("skipped", Json.read(skippedJson));
    input.put("files", reports.size());
    input.put("files_read", hashes.size());
    input.put(
        "fingerprint",
        Hashing.sha256().hashString(String.join("\n", hashes), StandardCharsets.UTF_8).toString());
    return input;
  }

  /** The k-means sweep: every k's fit, the knee, the chosen k and why. */
  public static ObjectNode kmeans(ChooseK.Choice choice) {
    ObjectNode kmeans = Json.object();
    kmeans.put("fitted", true);
    kmeans.put("k", choice.chosen().k());
    kmeans.put("reason", choice.reason());
    if (choice.knee().isPresent()) {
      kmeans.put("knee", choice.knee().getAsInt());
    } else {
      kmeans.putNull("knee");
    }
    ArrayNode fits = kmeans.putArray("sweep");
    for (KMeansFit.Fit fit : choice.fits()) {
      ObjectNode node = fits.addObject();
      node.put("k", fit.k());
      node.put("mean_distance", fit.meanDistance());
      node.put("inertia", fit.inertia());
      node.put("iterations", fit.iterations());
      node.put("converged", fit.converged());
      node.put("frames", fit.frames());
      node.put("empty_clusters", fit.k() - fit.centroids().nonEmptyCount());
      node.put("device", fit.device());
    }
    return kmeans;
  }

  /** Centres that were given rather than fitted. */
  public static ObjectNode givenCentroids(String source, Centroids centroids) {
    ObjectNode kmeans = Json.object();
    kmeans.put("fitted", false);
    kmeans.put("k", centroids.k());
    kmeans.put("reason", "centres read from " + source + "; k-means was not run");
    ArrayNode empty = kmeans.putArray("empty_centres");
    for (int c = 0; c < centroids.k(); c++) {
      if (centroids.isEmpty(c)) {
        empty.add(c);
      }
    }
    return kmeans;
  }

  /** Seconds each fit took (varies from run to run). */
  public static ObjectNode kmeansSeconds(ChooseK.Choice choice) {
    ObjectNode seconds = Json.object();
    for (KMeansFit.Fit fit : choice.fits()) {
      seconds.put(Integer.toString(fit.k()), fit.seconds());
    }
    return seconds;
  }

  /** The vocabulary: its size, the tokens, and how many frames became {@code <unk>} and why. */
  public static ObjectNode vocabulary(
      AssignmentStats stats,
      CooccurrenceMatrix matrix,
      int k,
      double distanceThreshold,
      long countThreshold,
      String countsFrom) {
    Vocabulary vocabulary = GloveFit.vocabulary(matrix);
    ObjectNode node = Json.object();
    node.put("k", k);
    node.put("size", vocabulary.size());
    node.put("cluster_tokens", vocabulary.size() - specials(vocabulary));
    node.put("sequences", stats.sequences());
    node.put("frames", stats.frames());
    node.put("tokens", matrix.totalOccurrences());
    ObjectNode unk = node.putObject("unk");
    unk.put("share", stats.unknownShare());
    unk.put("by_distance", stats.unknownByDistance());
    unk.put("by_count", stats.unknownByCount());
    unk.put("distance_threshold", distanceThreshold);
    unk.put("count_threshold", countThreshold);
    unk.put("counts_from", countsFrom);
    return node;
  }

  private static int specials(Vocabulary vocabulary) {
    int specials = 0;
    for (int i = 0; i < vocabulary.size(); i++) {
      if (vocabulary.code(i) < 0) {
        specials++;
      }
    }
    return specials;
  }

  /** How many files a folder input skipped, by reason, and the first {@link #SKIPPED_LISTED}. */
  public static ObjectNode skipped(List<InputFiles.Skipped> skipped) {
    ObjectNode node = Json.object();
    node.put("count", skipped.size());
    ObjectNode byReason = node.putObject("by_reason");
    Map<String, Long> counts = new TreeMap<>();
    for (InputFiles.Skipped entry : skipped) {
      String reason =
          entry.reason().startsWith(InputFiles.SAME_FILE) ? "duplicate" : entry.reason();
      counts.merge(reason, 1L, Long::sum);
    }
    counts.forEach(byReason::put);
    ArrayNode first = node.putArray("first");
    for (InputFiles.Skipped entry : skipped.subList(0, Math.min(SKIPPED_LISTED, skipped.size()))) {
      first.addObject().put("path", entry.path()).put("reason", entry.reason());
    }
    return node;
  }

  /** The co-occurrence matrix's settings and size. */
  public static ObjectNode cooccurrence(CooccurrenceMatrix matrix, int window, String weighting) {
    ObjectNode node = Json.object();
    node.put("window", window);
    node.put("weighting", weighting);
    node.put("nonzeros", matrix.size());
    double total = 0;
    for (int n = 0; n < matrix.size(); n++) {
      total += matrix.value(n);
    }
    node.put("total", total);
    return node;
  }

  /** GloVe's settings and the loss of every dimension after each epoch. */
  public static ObjectNode glove(List<GloveFit.Embedding> embeddings, int epochs, long seed) {
    List<GloveFit.Embedding> sorted = new ArrayList<>(embeddings);
    sorted.sort(Comparator.comparingInt(GloveFit.Embedding::dimension));
    ObjectNode glove = Json.object();
    ArrayNode dimensions = glove.putArray("dimensions");
    sorted.forEach(e -> dimensions.add(e.dimension()));
    glove.put("epochs", epochs);
    glove.put("x_max", 100);
    glove.put("alpha", 0.75);
    glove.put("learning_rate", 0.05);
    glove.put("seed", seed);
    glove.put("embedding", "W + W~");
    ObjectNode finalLoss = glove.putObject("final_loss");
    ObjectNode losses = glove.putObject("loss_per_epoch");
    for (GloveFit.Embedding embedding : sorted) {
      String d = Integer.toString(embedding.dimension());
      List<Double> loss = embedding.lossPerEpoch();
      finalLoss.put(d, loss.get(loss.size() - 1));
      ArrayNode array = losses.putArray(d);
      loss.forEach(array::add);
    }
    return glove;
  }

  /** Seconds each dimension's training took (varies from run to run). */
  public static ObjectNode gloveSeconds(List<GloveFit.Embedding> embeddings) {
    ObjectNode seconds = Json.object();
    embeddings.stream()
        .sorted(Comparator.comparingInt(GloveFit.Embedding::dimension))
        .forEach(e -> seconds.put(Integer.toString(e.dimension()), e.seconds()));
    return seconds;
  }

  private static List<FileReport> sorted(List<FileReport> reports) {
    List<FileReport> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparing(FileReport::file));
    return sorted;
  }
}
