package io.auglove.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.Corpora;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.output.OutputManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page {@code evaluate} writes beside its tables, on a generated corpus with the fast models:
 * its tables hold the scores and intervals of {@code results.csv}, and every figure is listed.
 */
class EvaluationPageTest {

  @TempDir static Path folder;
  static Path output;
  static Document page;

  @BeforeAll
  static void evaluate() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 16, 9);
    Path bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle);
    output = folder.resolve("evaluation");
    Corpora.Run run =
        Corpora.cli(
            "evaluate",
            "--bundle=" + bundle,
            "--input=" + input,
            "--labelsFile=" + input.getParent().resolve("labels.csv"),
            "--targets=dwell,order",
            "--models=random,static-lr,lstm-au",
            "--readouts=final",
            "--maxEpochs=3",
            "--restarts=2",
            "--folds=4",
            "--bootstrap=100",
            "--output=" + output);
    assertEquals(0, run.exitCode(), run.err());
    page = Jsoup.parse(output.resolve("report.html").toFile(), "UTF-8");
  }

  @Test
  void eachTableCellIsTheResultWithItsInterval() throws IOException {
    for (String protocol : List.of("cv", "fixed")) {
      List<String> results = Files.readAllLines(output.resolve(protocol + "/results.csv"));
      Elements headers = page.select("table#" + protocol + "-table thead th");
      Elements rows = page.select("table#" + protocol + "-table tbody tr");
      assertEquals(
          List.of("Random", "Static features + LR", "BiLSTM + AU"),
          rows.stream().map(r -> r.child(0).text()).toList());
      int checked = 0;
      for (String line : results.subList(1, results.size())) {
        String[] f = line.split(",");
        String header = f[1] + " " + f[2].toUpperCase(Locale.ROOT);
        int column = headers.eachText().indexOf(header);
        if (column < 0) {
          continue;
        }
        Element row =
            rows.stream().filter(r -> r.child(0).text().equals(f[0])).findFirst().orElseThrow();
        double value = Double.parseDouble(f[3]);
        double low = Double.parseDouble(f[4]);
        double high = Double.parseDouble(f[5]);
        // As table.md: an undefined value reads "undefined", an undefined interval is left out.
        String expected =
            Double.isNaN(value)
                ? "undefined"
                : Double.isNaN(low) || Double.isNaN(high)
                    ? String.format(Locale.ROOT, "%.3f", value)
                    : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
        assertEquals(expected, row.child(column).text(), protocol + " " + line);
        checked++;
      }
      assertEquals(3 * 2 * (protocol.equals("cv") ? 2 : 3), checked, protocol);
    }
  }

  @Test
  void everyFigureIsListedInTheManifestAndEveryTestPredictionIsKept() throws IOException {
    List<String> listed = OutputManifest.verify(output.toString()).files();
    assertTrue(listed.contains("report.html"));
    for (Element image : page.select("img")) {
      assertTrue(listed.contains(image.attr("src")), image.attr("src"));
      assertNotNull(ImageIO.read(output.resolve(image.attr("src")).toFile()), image.attr("src"));
    }
    for (String figure :
        List.of(
            "cv/pcc-intervals.png",
            "cv/folds.png",
            "fixed/ccc-intervals.png",
            "fixed/restarts.png",
            "cv/predictions-static-features-lr.png",
            "cv/loss-per-epoch.png",
            "fixed/loss-per-epoch.png")) {
      assertEquals(1, page.select("img[src=" + figure + "]").size(), figure);
    }
    JsonNode folds = Json.read(Files.readString(output.resolve("cv/folds.json")));
    for (JsonNode cell : folds.path("cells")) {
      int predictions = 0;
      for (JsonNode fold : cell.path("folds")) {
        assertEquals(fold.path("test_recordings").size(), fold.path("test_predictions").size());
        assertEquals(fold.path("test_recordings").size(), fold.path("test_targets").size());
        predictions += fold.path("test_predictions").size();
      }
      assertEquals(cell.path("test_samples").asInt(), predictions);
    }
    for (JsonNode cell : folds.path("cells")) {
      boolean lstm = cell.path("model").asText().equals("lstm-au");
      for (JsonNode fold : cell.path("folds")) {
        assertEquals(lstm, fold.has("train_loss"), cell.path("model").asText());
        if (lstm) {
          int epochs = fold.path("train_loss").size();
          assertTrue(epochs >= 1 && epochs <= 3, "epochs: " + epochs);
          assertEquals(epochs, fold.path("validation_loss").size());
          assertTrue(fold.path("train_loss").get(0).asDouble() > 0);
        }
      }
    }
    String html = Files.readString(output.resolve("report.html"));
    assertFalse(html.matches("(?s).*(https?:|//).*"), "no external reference");
  }
}
