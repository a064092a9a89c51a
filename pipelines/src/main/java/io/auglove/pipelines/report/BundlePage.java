package io.auglove.pipelines.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.ActionUnits;
import io.auglove.models.Vocabulary;
import io.auglove.pipelines.bundle.VocabularyBundle;
import io.auglove.pipelines.report.ClusterProfiles.Cluster;
import io.auglove.pipelines.report.Neighbours.Neighbour;
import io.auglove.pipelines.report.Table.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The page of a bundle's report and its figures: the corpus, the elbow, the vocabulary (centres as
 * a heat map, sizes, each cluster's neighbours in AU space and in each embedding), maps of the
 * embeddings, token timelines and GloVe's loss. Every figure and table comes from the bundle's
 * verified files and manifest.
 */
final class BundlePage {

  /** Neighbours listed per cluster and space. */
  static final int NEIGHBOURS = 3;

  private final VocabularyBundle bundle;
  private final JsonNode manifest;
  private final ClusterProfiles clusters;
  private final long seed;
  private final HtmlPage page;
  private final Map<String, byte[]> figures = new LinkedHashMap<>();

  private BundlePage(VocabularyBundle bundle, JsonNode manifest, long seed) {
    this.bundle = bundle;
    this.manifest = manifest;
    this.clusters = ClusterProfiles.of(bundle.centroids(), bundle.counts(), bundle.vocabulary());
    this.seed = seed;
    this.page = new HtmlPage("Vocabulary report: " + bundle.path());
  }

  /** The page and its figures (file name to PNG bytes), in the order they appear. */
  record Written(String html, Map<String, byte[]> figures) {}

  /**
   * The report of {@code bundle}, whose manifest is {@code manifest}.
   *
   * @param elbowPng the bundle's elbow plot, or null if it has none (given centres)
   * @param timelines recordings of a featurize output, or null for none
   */
  static Written write(
      VocabularyBundle bundle,
      JsonNode manifest,
      byte[] elbowPng,
      List<Timelines.Recording> timelines,
      long seed) {
    BundlePage report = new BundlePage(bundle, manifest, seed);
    report.summary();
    report.corpus();
    report.unknown();
    report.elbow(elbowPng);
    report.vocabulary();
    report.neighbours();
    report.maps();
    report.timelines(timelines);
    report.glove();
    return new Written(report.page.html(), report.figures);
  }

  private void summary() {
    JsonNode vocabulary = manifest.path("vocabulary");
    page.note(
        String.format(
            Locale.ROOT,
            "k = %d centres, %d tokens in the vocabulary; %,d frames in %,d sequences; input"
                + " fingerprint %s; auglove %s.",
            bundle.centroids().k(),
            bundle.vocabulary().size(),
            vocabulary.path("frames").asLong(),
            vocabulary.path("sequences").asLong(),
            manifest.path("input").path("fingerprint").asText(),
            manifest.path("software").path("auglove").asText()));
  }

  private void corpus() {
    JsonNode quality = manifest.path("quality");
    List<FileQuality> files = FileQuality.files(quality);
    FileQuality totals = FileQuality.totals(quality);
    long refused = files.stream().filter(FileQuality::refused).count();
    page.section("corpus", "The corpus");
    page.paragraph(
        String.format(
            Locale.ROOT,
            "%d files read, %d refused whole; %,d face tracks; %,d rows read, of which %,d became"
                + " 5 fps frames for k-means, %,d were not picked by the 5 fps grid, %,d had low"
                + " confidence, %,d had success = 0 and %,d were malformed (rejected). Counts %s.",
            files.size() - refused,
            refused,
            totals.tracks(),
            totals.read(),
            totals.kept(),
            totals.downsampled(),
            totals.lowConfidence(),
            totals.successZero(),
            totals.rejected(),
            quality.path("totals").path("reconciles").asBoolean()
                ? "reconcile for every file (read = kept + filtered + rejected)"
                : "do NOT reconcile for every file"));
    Table table =
        Table.sortable(
                List.of(
                    "file",
                    "tracks",
                    "sequences",
                    "rows read",
                    "kept (5 fps)",
                    "not picked at 5 fps",
                    "low confidence",
                    "success = 0",
                    "rejected",
                    "refused because"))
            .id("files");
    files.forEach(file -> table.row(fileRow(file.name(), file)));
    table.footer(fileRow("all files", totals));
    page.table(table);
    figure(
        ReportFiles.CORPUS,
        BundleCharts.corpus(files),
        "Rows of each file by what became of them (refused files have none).");
  }

  private static List<Cell> fileRow(String name, FileQuality file) {
    return List.of(
        Cell.text(name),
        Cell.number(file.tracks()),
        Cell.number(file.sequences()),
        Cell.number(file.read()),
        Cell.number(file.kept()),
        Cell.number(file.downsampled()),
        Cell.number(file.lowConfidence()),
        Cell.number(file.successZero()),
        Cell.number(file.rejected()),
        Cell.text(file.error() == null ? "" : file.error()));
  }

  private void unknown() {
    JsonNode unk = manifest.path("vocabulary").path("unk");
    long frames = manifest.path("vocabulary").path("frames").asLong();
    page.section("unknown", "Frames that became <unk>");
    page.paragraph(
        String.format(
            Locale.ROOT,
            "%.1f%% of the %,d frames are <unk>: %,d because their nearest centre is farther than"
                + " %s (AU intensity units), and %,d because their cluster holds %d frames or"
                + " fewer (counts from %s).",
            100 * unk.path("share").asDouble(),
            frames,
            unk.path("by_distance").asLong(),
            unk.path("distance_threshold").asText(),
            unk.path("by_count").asLong(),
            unk.path("count_threshold").asLong(),
            unk.path("counts_from").asText()));
    Table table =
        Table.plain(List.of("reason", "frames", "share of frames", "threshold")).id("unk");
    table.row(
        unkRow(
            "distance to the nearest centre",
            unk.path("by_distance").asLong(),
            frames,
            "> " + unk.path("distance_threshold").asText()));
    table.row(
        unkRow(
            "cluster too small",
            unk.path("by_count").asLong(),
            frames,
            "<= " + unk.path("count_threshold").asLong() + " frames"));
    page.table(table);
    for (JsonNode warning : manifest.path("warnings")) {
      page.note("Warning: " + warning.asText());
    }
  }

  private static List<Cell> unkRow(String reason, long count, long frames, String threshold) {
    return List.of(
        Cell.text(reason),
        Cell.number(count),
        Cell.number(frames == 0 ? Double.NaN : 100.0 * count / frames, 1),
        Cell.text(threshold));
  }

  private void elbow(byte[] elbowPng) {
    JsonNode kmeans = manifest.path("kmeans");
    page.section("elbow", "The elbow and the chosen k");
    page.paragraph(
        "Chosen k = " + kmeans.path("k").asInt() + ": " + kmeans.path("reason").asText() + ".");
    if (!kmeans.path("fitted").asBoolean()) {
      return;
    }
    Table table =
        Table.plain(
                List.of(
                    "k",
                    "mean distance",
                    "inertia",
                    "iterations",
                    "converged",
                    "empty clusters",
                    "frames",
                    "knee",
                    "chosen"))
            .id("sweep");
    for (JsonNode fit : kmeans.path("sweep")) {
      int k = fit.path("k").asInt();
      table.row(
          List.of(
              Cell.number(k),
              Cell.number(fit.path("mean_distance").asDouble(), 4),
              Cell.number(fit.path("inertia").asDouble(), 1),
              Cell.number(fit.path("iterations").asLong()),
              Cell.text(fit.path("converged").asBoolean() ? "yes" : "no"),
              Cell.number(fit.path("empty_clusters").asLong()),
              Cell.number(fit.path("frames").asLong()),
              Cell.text(kmeans.path("knee").asInt(-1) == k ? "knee" : ""),
              Cell.text(kmeans.path("k").asInt() == k ? "chosen" : "")));
    }
    page.table(table);
    if (elbowPng != null) {
      figure(
          ReportFiles.ELBOW,
          elbowPng,
          "Mean distance of a frame to its nearest centre against k; the knee is the point"
              + " farthest below the line joining the first and last points (log k and distance"
              + " scaled to 0..1).");
    }
  }

  private void vocabulary() {
    List<Cluster> byCount = clusters.byCount();
    long frames = byCount.stream().mapToLong(Cluster::count).sum();
    page.section("vocabulary", "The vocabulary: what each cluster looks like");
    page.paragraph(
        String.format(
            Locale.ROOT,
            "%d non-empty centres, %d of them tokens of the vocabulary (the others hold %d"
                + " frames or fewer, so their frames are <unk>). Each row is a centre: its"
                + " intensity in each AU (0 to 5), coloured as in the heat map; the dominant AU is"
                + " the strongest one, or neutral when none reaches %.1f.",
            byCount.size(),
            byCount.stream().filter(Cluster::inVocabulary).count(),
            bundle.countThreshold(),
            ClusterProfiles.NEUTRAL_BELOW));
    figure(
        ReportFiles.HEAT_MAP,
        BundleCharts.heatMap(byCount),
        "Cluster centres by size (largest on top) against the 17 AUs with their FACS names.");
    List<String> headers =
        new ArrayList<>(List.of("cluster", "frames", "% of frames", "token", "dominant AU"));
    IntStream.range(0, ActionUnits.COUNT).mapToObj(ActionUnits::label).forEach(headers::add);
    Table table = Table.sortable(headers).id("clusters");
    for (Cluster cluster : byCount) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(cluster.token()));
      row.add(Cell.number(cluster.count()));
      row.add(Cell.number(frames == 0 ? Double.NaN : 100.0 * cluster.count() / frames, 2));
      row.add(Cell.text(cluster.inVocabulary() ? "yes" : "no (<unk>)"));
      row.add(Cell.text(ClusterProfiles.dominantName(cluster.dominant())));
      for (float value : cluster.centre()) {
        row.add(Cell.number(value, 2).withBackground(heat(value)));
      }
      table.row(row);
    }
    page.table(table);
    figure(
        ReportFiles.SIZES,
        BundleCharts.sizes(byCount, bundle.countThreshold()),
        "Frames per cluster, largest first; clusters at or below the count threshold become"
            + " <unk>.");
  }

  /** The heat map's colour of intensity {@code value}: white at 0 to dark red at 5. */
  private static String heat(float value) {
    double t = Math.max(0, Math.min(1, value / ActionUnits.MAX_INTENSITY));
    int red = (int) Math.round(255 - t * (255 - 200));
    int green = (int) Math.round(255 - t * (255 - 60));
    int blue = (int) Math.round(255 - t * (255 - 40));
    return String.format(Locale.ROOT, "rgb(%d,%d,%d)", red, green, blue);
  }

  /** The vocabulary's clusters, in vocabulary order, with their indices in the vocabulary. */
  private List<Cluster> vocabularyClusters(List<Integer> indices) {
    Vocabulary vocabulary = bundle.vocabulary();
    List<Cluster> members = new ArrayList<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      Cluster cluster = clusters.cluster(vocabulary.code(i));
      if (cluster != null) {
        members.add(cluster);
        indices.add(i);
      }
    }
    return members;
  }

  private void neighbours() {
    List<Integer> indices = new ArrayList<>();
    List<Cluster> members = vocabularyClusters(indices);
    page.section("neighbours", "Nearest clusters: in AU space and in each embedding");
    if (members.size() < 2) {
      page.paragraph("The vocabulary has fewer than two clusters: no neighbours to show.");
      return;
    }
    float[][] centres = members.stream().map(Cluster::centre).toArray(float[][]::new);
    List<List<Neighbour>> inAuSpace = Neighbours.byDistance(centres, NEIGHBOURS);
    SortedMap<Integer, List<List<Neighbour>>> inEmbedding = new TreeMap<>();
    List<String> agreement = new ArrayList<>();
    bundle
        .embeddings()
        .forEach(
            (d, table) -> {
              List<List<Neighbour>> nearest =
                  Neighbours.byCosine(Projections.unitRows(rows(table, indices)), NEIGHBOURS);
              inEmbedding.put(d, nearest);
              agreement.add(
                  String.format(
                      Locale.ROOT,
                      "d = %d: %.0f%% of the %d nearest clusters by cosine are also among the %d"
                          + " nearest centres in AU space",
                      d,
                      100 * Neighbours.overlap(nearest, inAuSpace),
                      NEIGHBOURS,
                      NEIGHBOURS));
            });
    page.paragraph(
        "For each cluster of the vocabulary, the "
            + NEIGHBOURS
            + " nearest other clusters: by Euclidean distance between centres (AU intensity"
            + " units), and by cosine similarity of the GloVe vectors, which place together"
            + " clusters that occur in the same contexts. How often the two agree:");
    page.list(agreement);
    List<String> headers =
        new ArrayList<>(List.of("cluster", "frames", "dominant AU", "nearest centres (distance)"));
    inEmbedding.keySet().forEach(d -> headers.add("nearest in d = " + d + " (cosine)"));
    Table table = Table.sortable(headers).id("neighbours");
    List<Integer> order = IntStream.range(0, members.size()).boxed().toList();
    order = new ArrayList<>(order);
    order.sort((a, b) -> Long.compare(members.get(b).count(), members.get(a).count()));
    for (int i : order) {
      Cluster cluster = members.get(i);
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(cluster.token()));
      row.add(Cell.number(cluster.count()));
      row.add(Cell.text(ClusterProfiles.dominantName(cluster.dominant())));
      row.add(Cell.text(names(inAuSpace.get(i), members, 2)));
      inEmbedding
          .values()
          .forEach(nearest -> row.add(Cell.text(names(nearest.get(i), members, 2))));
      table.row(row);
    }
    page.table(table);
  }

  private static String names(List<Neighbour> neighbours, List<Cluster> members, int decimals) {
    List<String> names = new ArrayList<>();
    for (Neighbour n : neighbours) {
      names.add(
          String.format(
              Locale.ROOT, "%s (%." + decimals + "f)", members.get(n.index()).token(), n.score()));
    }
    return String.join(", ", names);
  }

  private static float[][] rows(float[][] table, List<Integer> indices) {
    return indices.stream().map(i -> table[i]).toArray(float[][]::new);
  }

  private static double[][] select(double[][] rows, int[] indices) {
    return IntStream.of(indices).mapToObj(i -> rows[i]).toArray(double[][]::new);
  }

  private void maps() {
    List<Integer> indices = new ArrayList<>();
    List<Cluster> members = vocabularyClusters(indices);
    int[] dominant = members.stream().mapToInt(Cluster::dominant).toArray();
    page.section("map", "Maps of the embeddings");
    page.paragraph(
        "Each point is a cluster of the vocabulary, its GloVe vector scaled to unit length (so"
            + " that distances follow cosine similarity), coloured by the cluster's dominant AU."
            + " Clusters whose points lie together occur in the same contexts; a map whose"
            + " colours group shows that context follows what the face does. t-SNE keeps"
            + " neighbourhoods, not distances between groups; its axes have no units.");
    if (members.size() < 2) {
      page.paragraph("The vocabulary has fewer than two clusters: no map to draw.");
      return;
    }
    bundle
        .embeddings()
        .forEach(
            (d, table) -> {
              double[][] vectors = Projections.unitRows(rows(table, indices));
              Projections.Map2d pca = Projections.pca(vectors);
              figure(
                  ReportFiles.pcaMap(d),
                  BundleCharts.map(
                      "GloVe d = " + d + ": principal components",
                      String.format(
                          Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * pca.explained()[0]),
                      String.format(
                          Locale.ROOT, "PC2 (%.0f%% of variance)", 100 * pca.explained()[1]),
                      pca.points(),
                      dominant),
                  "d = " + d + ": PCA of the unit-length vectors.");
              int[] shown = Projections.tsneSample(vectors.length, seed);
              String sample =
                  shown.length == vectors.length
                      ? ""
                      : String.format(
                          Locale.ROOT,
                          " It shows %d of the %d clusters, drawn with the same seed: exact"
                              + " t-SNE's cost grows as the square of the points.",
                          shown.length,
                          vectors.length);
              figure(
                  ReportFiles.tsneMap(d),
                  BundleCharts.map(
                      "GloVe d = " + d + ": t-SNE",
                      "t-SNE 1 (no units)",
                      "t-SNE 2 (no units)",
                      Projections.tsne(select(vectors, shown), seed).points(),
                      IntStream.of(shown).map(i -> dominant[i]).toArray()),
                  "d = " + d + ": t-SNE of the unit-length vectors (seed " + seed + ")." + sample);
            });
  }

  private void timelines(List<Timelines.Recording> recordings) {
    page.section("timeline", "Token timelines");
    if (recordings == null) {
      page.note(
          "Give --features=FOLDER (a featurize output made with this bundle) to see the tokens of"
              + " a few recordings over time.");
      return;
    }
    page.paragraph(
        "The tokens of the first "
            + recordings.size()
            + " recordings of the featurize output, step by step at 5 fps, coloured by the dominant"
            + " AU of each token's cluster as in the maps; <unk> in grey.");
    Table table =
        Table.plain(List.of("recording", "steps", "seconds", "distinct tokens", "<unk> steps"))
            .id("timelines");
    for (Timelines.Recording recording : recordings) {
      table.row(
          List.of(
              Cell.text(recording.name()),
              Cell.number(recording.steps().size()),
              Cell.number(recording.seconds(), 1),
              Cell.number(recording.distinct()),
              Cell.number(recording.unknown())));
    }
    page.table(table);
    if (!recordings.isEmpty()) {
      figure(
          ReportFiles.TIMELINE,
          BundleCharts.timeline(recordings, clusters),
          "Tokens over time, one lane per recording.");
    }
  }

  private void glove() {
    JsonNode glove = manifest.path("glove");
    page.section("glove", "GloVe training");
    SortedMap<Integer, double[]> losses = new TreeMap<>();
    glove
        .path("loss_per_epoch")
        .fields()
        .forEachRemaining(
            entry -> {
              double[] loss = new double[entry.getValue().size()];
              for (int e = 0; e < loss.length; e++) {
                loss[e] = entry.getValue().get(e).asDouble();
              }
              losses.put(Integer.parseInt(entry.getKey()), loss);
            });
    if (losses.isEmpty()) {
      page.paragraph("The bundle's manifest records no GloVe loss.");
      return;
    }
    page.paragraph(
        String.format(
            Locale.ROOT,
            "%d epochs of AdaGrad (learning rate %s, x_max %s, alpha %s) for each dimension, from"
                + " the same co-occurrence matrix (window %s, %s weighting).",
            glove.path("epochs").asInt(),
            glove.path("learning_rate").asText(),
            glove.path("x_max").asText(),
            glove.path("alpha").asText(),
            manifest.path("cooccurrence").path("window").asText(),
            manifest.path("cooccurrence").path("weighting").asText().toLowerCase(Locale.ROOT)));
    Table table =
        Table.plain(List.of("dimension", "first epoch loss", "last epoch loss")).id("glove-loss");
    losses.forEach(
        (d, loss) ->
            table.row(
                List.of(
                    Cell.number(d),
                    Cell.number(loss[0], 5),
                    Cell.number(loss[loss.length - 1], 5))));
    page.table(table);
    figure(
        ReportFiles.GLOVE_LOSS,
        BundleCharts.gloveLoss(losses),
        "GloVe's loss after each epoch (the mean over the non-zero co-occurrences of their weighted"
            + " squared error), one line per dimension.");
  }

  private void figure(String file, byte[] png, String caption) {
    figures.put(file, png);
    page.figure(file, caption);
  }
}
