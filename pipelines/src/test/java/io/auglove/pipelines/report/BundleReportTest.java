package io.auglove.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.ActionUnits;
import io.auglove.pipelines.Bundles;
import io.auglove.pipelines.Corpora;
import io.auglove.pipelines.output.OutputManifest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auglove report} on a bundle learned from a generated corpus: the page is parsed and each
 * section's figures are checked against the bundle's own files.
 */
class BundleReportTest {

  private static final Pattern EXTERNAL = Pattern.compile("(?i)(https?:|ftp:|//)[^\\s\"'<>]*");

  @TempDir static Path folder;
  static Path bundle;
  static Path features;
  static Path report;
  static Document page;
  static JsonNode manifest;
  static Corpora.Run run;

  @BeforeAll
  static void writeReport() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 8, 5);
    bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle);
    features = folder.resolve("features");
    Corpora.Run featurize =
        Corpora.cli("featurize", "--bundle=" + bundle, "--input=" + input, "--output=" + features);
    assertEquals(0, featurize.exitCode(), featurize.err());
    report = folder.resolve("report");
    run =
        Corpora.cli(
            "report",
            "--bundle=" + bundle,
            "--features=" + features,
            "--timelineRecordings=3",
            "--output=" + report);
    assertEquals(0, run.exitCode(), run.err());
    page = Jsoup.parse(report.resolve("report.html").toFile(), "UTF-8");
    manifest = Bundles.manifest(bundle);
  }

  @Test
  void theReportIsAWholeOutputWithEveryFigureAsAReadablePng() throws IOException {
    List<String> listed = OutputManifest.verify(report.toString()).files();
    assertTrue(listed.contains("report.html"));
    Elements images = page.select("img");
    assertEquals(listed.size() - 1, images.size(), "every listed PNG is on the page: " + listed);
    for (Element image : images) {
      String src = image.attr("src");
      assertTrue(listed.contains(src), src + " is listed in the report's manifest");
      BufferedImage png = ImageIO.read(report.resolve(src).toFile());
      assertNotNull(png, src + " is an image");
      assertTrue(png.getWidth() >= 800 && png.getHeight() >= 400, src + " is a readable size");
      assertFalse(image.attr("alt").isBlank(), src + " has a caption");
    }
    for (String section :
        List.of(
            "corpus", "unknown", "elbow", "vocabulary", "neighbours", "map", "timeline", "glove")) {
      assertEquals(1, page.select("section#" + section).size(), section);
    }
  }

  @Test
  void nothingOnThePageReachesTheNetwork() throws IOException {
    String html = Files.readString(report.resolve("report.html"));
    Matcher external = EXTERNAL.matcher(html);
    assertFalse(external.find(), () -> "an external reference: " + external.group());
    for (Element element : page.select("[src], [href]")) {
      String target = element.hasAttr("src") ? element.attr("src") : element.attr("href");
      assertTrue(
          target.startsWith("#") || Files.isRegularFile(report.resolve(target)),
          target + " is an anchor or a file beside the page");
    }
    assertTrue(page.select("link, script[src], iframe, object, embed").isEmpty());
  }

  @Test
  void theCorpusTableHasEveryFileWithTheQualityReportsCounts() {
    JsonNode files = manifest.path("quality").path("files");
    Elements rows = page.select("table#files tbody tr");
    assertEquals(files.size(), rows.size());
    for (int i = 0; i < files.size(); i++) {
      JsonNode file = files.get(i);
      Elements cells = rows.get(i).select("td");
      assertTrue(file.path("path").asText().endsWith("/" + cells.get(0).text()));
      assertEquals(file.path("tracks").asLong(), value(cells.get(1)));
      assertEquals(file.path("read").asLong(), value(cells.get(3)));
      assertEquals(file.path("kept").asLong(), value(cells.get(4)));
      assertEquals(file.path("filtered").path("downsampled").asLong(), value(cells.get(5)));
      assertEquals(file.path("rejected").asLong(), value(cells.get(8)));
    }
    JsonNode totals = manifest.path("quality").path("totals");
    Elements total = page.select("table#files tfoot td");
    assertEquals("all files", total.get(0).text());
    assertEquals(totals.path("read").asLong(), value(total.get(3)));
    assertEquals(totals.path("kept").asLong(), value(total.get(4)));
    assertTrue(page.select("table#files").hasClass("sortable"));
  }

  @Test
  void theUnknownSectionGivesBothReasonsCounts() {
    JsonNode unk = manifest.path("vocabulary").path("unk");
    Elements rows = page.select("table#unk tbody tr");
    assertEquals(unk.path("by_distance").asLong(), value(rows.get(0).select("td").get(1)));
    assertEquals(unk.path("by_count").asLong(), value(rows.get(1).select("td").get(1)));
    assertTrue(
        page.select("section#unknown p")
            .first()
            .text()
            .startsWith(String.format(Locale.ROOT, "%.1f%%", 100 * unk.path("share").asDouble())));
  }

  @Test
  void theElbowSectionNamesTheChosenKAndWhy() {
    JsonNode kmeans = manifest.path("kmeans");
    String text = page.select("section#elbow p").first().text();
    assertTrue(text.startsWith("Chosen k = " + kmeans.path("k").asInt() + ": "), text);
    assertTrue(text.contains(kmeans.path("reason").asText()), text);
    Elements rows = page.select("table#sweep tbody tr");
    assertEquals(
        List.of(8L, 16L, 32L), rows.stream().map(r -> value(r.select("td").get(0))).toList());
    for (Element row : rows) {
      boolean chosen = row.select("td").get(8).text().equals("chosen");
      assertEquals(value(row.select("td").get(0)) == kmeans.path("k").asInt(), chosen);
    }
    assertEquals(1, page.select("section#elbow img[src=elbow.png]").size());
  }

  @Test
  void theClusterRowsAreTheBundlesCentresAndCountsLargestFirst() throws IOException {
    List<String[]> centres = csv(bundle.resolve("centroids.csv"));
    List<String[]> counts = csv(bundle.resolve("cluster_counts.csv"));
    List<String[]> nonEmpty = new ArrayList<>();
    for (int c = 0; c < centres.size(); c++) {
      if (!centres.get(c)[1].isEmpty()) {
        nonEmpty.add(new String[] {"c" + c, counts.get(c)[1]});
      }
    }
    nonEmpty.sort(
        Comparator.comparingLong((String[] r) -> -Long.parseLong(r[1]))
            .thenComparingInt(r -> Integer.parseInt(r[0].substring(1))));
    Elements rows = page.select("table#clusters tbody tr");
    assertEquals(nonEmpty.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Elements cells = rows.get(i).select("td");
      assertEquals(nonEmpty.get(i)[0], cells.get(0).text());
      assertEquals(Long.parseLong(nonEmpty.get(i)[1]), value(cells.get(1)));
      String[] centre = centres.get(Integer.parseInt(nonEmpty.get(i)[0].substring(1)));
      for (int a = 0; a < ActionUnits.COUNT; a++) {
        assertEquals(
            Float.parseFloat(centre[a + 1]),
            cells.get(5 + a).attr("data-value").isEmpty()
                ? Float.NaN
                : Float.parseFloat(cells.get(5 + a).attr("data-value")),
            1e-6);
      }
    }
    Elements headers = page.select("table#clusters thead th");
    assertEquals("AU01 inner brow raiser", headers.get(5).text());
    assertEquals("AU45 blink", headers.get(5 + 16).text());
  }

  @Test
  void eachClustersNearestCentreIsFoundByBruteForce() throws IOException {
    List<String[]> centres = csv(bundle.resolve("centroids.csv"));
    Map<String, Long> vocabulary = Bundles.vocabulary(bundle);
    List<String> clusters = vocabulary.keySet().stream().filter(t -> t.startsWith("c")).toList();
    Elements rows = page.select("table#neighbours tbody tr");
    assertEquals(clusters.size(), rows.size());
    for (Element row : rows) {
      String token = row.select("td").get(0).text();
      float[] centre = centre(centres, token);
      String nearest = null;
      double best = Double.MAX_VALUE;
      for (String other : clusters) {
        double distance = distance(centre, centre(centres, other));
        if (!other.equals(token) && distance < best) {
          best = distance;
          nearest = other;
        }
      }
      String listed = row.select("td").get(3).text();
      assertTrue(
          listed.startsWith(String.format(Locale.ROOT, "%s (%.2f)", nearest, best)),
          token + ": " + listed);
    }
    assertEquals(
        List.of("nearest in d = 4 (cosine)", "nearest in d = 8 (cosine)"),
        page.select("table#neighbours thead th").eachText().subList(4, 6));
  }

  @Test
  void theMapsCoverEachDimensionAndTheLossEachEpoch() {
    for (int d : new int[] {4, 8}) {
      assertEquals(1, page.select("section#map img[src=map-pca-d" + d + ".png]").size());
      assertEquals(1, page.select("section#map img[src=map-tsne-d" + d + ".png]").size());
      JsonNode loss = manifest.path("glove").path("loss_per_epoch").path(Integer.toString(d));
      Element row = page.select("table#glove-loss tbody tr").get(d == 4 ? 0 : 1);
      assertEquals(
          loss.get(loss.size() - 1).asDouble(),
          Double.parseDouble(row.select("td").get(2).attr("data-value")));
    }
  }

  @Test
  void theTimelineShowsTheFirstRecordingsOfTheFeaturizeOutput() throws IOException {
    TreeMap<String, Integer> steps = new TreeMap<>();
    try (Stream<Path> files = Files.list(features)) {
      for (Path shard : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
        List<String> lines = Files.readAllLines(shard);
        for (String line : lines.subList(1, lines.size())) {
          String[] fields = line.split("\t");
          steps.merge(fields[0], Integer.parseInt(fields[5]), Integer::sum);
        }
      }
    }
    Elements rows = page.select("table#timelines tbody tr");
    assertEquals(3, rows.size());
    for (Element row : rows) {
      Map.Entry<String, Integer> recording = steps.pollFirstEntry();
      assertEquals(recording.getKey(), row.select("td").get(0).text());
      assertEquals((long) recording.getValue(), value(row.select("td").get(1)));
    }
    assertEquals(1, page.select("section#timeline img[src=token-timeline.png]").size());
  }

  @Test
  void theOutputDefaultsToBesideTheBundleAndIsNotOverwrittenUnasked() throws IOException {
    Corpora.Run again = Corpora.cli("report", "--bundle=" + bundle, "--output=" + report);
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("already exists and is not empty"), again.err());
    assertEquals(1, again.err().strip().lines().count());
    Corpora.Run beside = Corpora.cli("report", "--bundle=" + bundle);
    assertEquals(0, beside.exitCode(), beside.err());
    assertTrue(Files.isRegularFile(folder.resolve("bundle-report").resolve("report.html")));
    assertTrue(page.select("section#timeline p.note").isEmpty());
  }

  @Test
  void aMissingBundleOrAFeaturizeOutputOfAnotherBundleIsOneLine() {
    Corpora.Run missing =
        Corpora.cli(
            "report", "--bundle=" + folder.resolve("nothing"), "--output=" + folder.resolve("r1"));
    assertEquals(2, missing.exitCode());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertTrue(missing.err().contains("has no manifest.json"), missing.err());
    Corpora.Run zero =
        Corpora.cli(
            "report",
            "--bundle=" + bundle,
            "--timelineRecordings=0",
            "--output=" + folder.resolve("r2"));
    assertEquals(2, zero.exitCode());
    assertTrue(zero.err().contains("--timelineRecordings=0"), zero.err());
    assertFalse(Files.exists(folder.resolve("r2")));
  }

  private static long value(Element cell) {
    return Math.round(Double.parseDouble(cell.attr("data-value")));
  }

  private static List<String[]> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
  }

  private static float[] centre(List<String[]> centres, String token) {
    String[] row = centres.get(Integer.parseInt(token.substring(1)));
    float[] centre = new float[ActionUnits.COUNT];
    for (int a = 0; a < centre.length; a++) {
      centre[a] = Float.parseFloat(row[a + 1]);
    }
    return centre;
  }

  private static double distance(float[] x, float[] y) {
    double sum = 0;
    for (int a = 0; a < x.length; a++) {
      sum += (x[a] - y[a]) * (double) (x[a] - y[a]);
    }
    return Math.sqrt(sum);
  }
}
