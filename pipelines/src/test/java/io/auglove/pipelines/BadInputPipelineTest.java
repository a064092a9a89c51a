package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.transforms.OpenFaceCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input in one corpus beside good recordings: each gives its named rejection or
 * error, the pipeline still writes the bundle from the good files, and the counts reconcile.
 */
class BadInputPipelineTest {

  @TempDir static Path folder;
  static Path input;
  static Path bundle;

  /** 30 good rows at 25 fps (lines 2..31), AUs all 0.5. */
  private static OpenFaceCsv goodRows() {
    OpenFaceCsv csv = OpenFaceCsv.withFaceId();
    for (int i = 0; i < 30; i++) {
      csv.row(i + 1, i * 0.04, 0.98, 1, 0.5);
    }
    return csv;
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(input.resolve(name), text);
  }

  @BeforeAll
  static void run() throws IOException {
    input = Corpora.generate(folder.resolve("corpus"), 3, 9);
    OpenFaceCsv truncated = goodRows();
    truncated.lines().set(3, truncated.lines().get(3).substring(0, 30));
    write("truncated.csv", truncated.text());
    OpenFaceCsv nonNumeric = goodRows();
    nonNumeric.lines().set(5, nonNumeric.lines().get(5).replaceFirst("0\\.50", "n/a"));
    write("non-numeric.csv", nonNumeric.text());
    OpenFaceCsv nan = goodRows();
    nan.lines().set(7, nan.lines().get(7).replaceFirst("0\\.50", "NaN"));
    write("nan.csv", nan.text());
    OpenFaceCsv outOfRange = goodRows();
    outOfRange.lines().set(9, outOfRange.lines().get(9).replaceFirst("0\\.50", "5.20"));
    write("out-of-range.csv", outOfRange.text());
    write("empty.csv", "");
    write("header-only.csv", OpenFaceCsv.withFaceId().text());
    write("no-au45.csv", goodRows().text().replace("AU45_r", "AU45"));
    Files.write(input.resolve("zipped.csv.gz"), goodRows().gzip());
    OpenFaceCsv duplicate = goodRows();
    duplicate.lines().add(12, duplicate.lines().get(11));
    write("duplicate.csv", duplicate.text());
    OpenFaceCsv backwards = goodRows();
    backwards.lines().add(20, backwards.lines().get(2).replaceFirst("^3, 0", "99, 0"));
    write("backwards.csv", backwards.text());

    bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle, "--k=4,8");
  }

  @Test
  void everyMalformedRowIsInRejectedCsvWithItsFileLineAndReason() throws IOException {
    List<String> rejected = Files.readAllLines(bundle.resolve("rejected.csv"));
    assertEquals("file,line,reason,detail", rejected.get(0));
    Map<String, String> byFile = new HashMap<>();
    for (String row : rejected.subList(1, rejected.size())) {
      String file = row.substring(0, row.indexOf(','));
      byFile.put(file.substring(file.lastIndexOf('/') + 1), row.substring(row.indexOf(',') + 1));
    }
    assertEquals(6, byFile.size(), rejected.toString());
    assertTrue(byFile.get("truncated.csv").startsWith("4,field_count,"), byFile.toString());
    assertTrue(byFile.get("non-numeric.csv").startsWith("6,not_a_number,"), byFile.toString());
    assertTrue(byFile.get("nan.csv").startsWith("8,not_finite,"), byFile.toString());
    assertTrue(byFile.get("out-of-range.csv").startsWith("10,au_out_of_range,"), byFile.toString());
    assertTrue(byFile.get("duplicate.csv").startsWith("13,duplicate_frame,"), byFile.toString());
    assertTrue(
        byFile.get("backwards.csv").startsWith("21,timestamp_backwards,"), byFile.toString());
    assertEquals(
        "6,not_a_number,column 'AU01_r' = 'n/a' is not a number", byFile.get("non-numeric.csv"));
  }

  @Test
  void refusedFilesAreReportedByNameAndTheRestIsRead() throws IOException {
    Map<String, JsonNode> files = new HashMap<>();
    for (JsonNode file : Bundles.manifest(bundle).path("quality").path("files")) {
      String path = file.path("path").asText();
      files.put(path.substring(path.lastIndexOf('/') + 1), file);
    }
    assertEquals(13, files.size());
    assertTrue(
        files
            .get("empty.csv")
            .path("error")
            .asText()
            .endsWith("the file is empty: no header line"));
    assertTrue(
        files
            .get("header-only.csv")
            .path("error")
            .asText()
            .endsWith("the file has a header but no data rows"));
    assertTrue(
        files
            .get("no-au45.csv")
            .path("error")
            .asText()
            .contains("missing column 'AU45_r' in the header"),
        files.get("no-au45.csv").toString());
    JsonNode zipped = files.get("zipped.csv.gz");
    assertEquals(30, zipped.path("read").asLong());
    assertEquals(0, zipped.path("rejected").asLong());
    // 30 frames at 25 fps over 1.16 s: ticks 0, 0.2, ..., 1.2 keep 7 frames.
    assertEquals(7, zipped.path("kept").asLong());
    JsonNode duplicate = files.get("duplicate.csv");
    assertEquals(31, duplicate.path("read").asLong());
    assertEquals(1, duplicate.path("rejected").asLong());
    for (JsonNode file : files.values()) {
      if (!file.has("error")) {
        JsonNode filtered = file.path("filtered");
        assertEquals(
            file.path("read").asLong(),
            file.path("kept").asLong()
                + filtered.path("low_confidence").asLong()
                + filtered.path("success_0").asLong()
                + filtered.path("downsampled").asLong()
                + file.path("rejected").asLong(),
            file.toString());
      }
    }
    JsonNode totals = Bundles.manifest(bundle).path("quality").path("totals");
    assertEquals(3, totals.path("files_refused").asLong());
    assertEquals(6, totals.path("rejected").asLong());
    assertTrue(totals.path("reconciles").asBoolean());
    assertTrue(Files.exists(bundle.resolve("embeddings-d8.txt")));
  }
}
