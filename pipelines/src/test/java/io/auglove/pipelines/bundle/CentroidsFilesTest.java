package io.auglove.pipelines.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.Centroids;
import io.auglove.transforms.records.ClusterCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentroidsFilesTest {

  @TempDir Path folder;

  private static final String ROW =
      "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,1.1,1.2,1.3,1.4,1.5,1.6,1.7";
  private static final String EMPTY = ",,,,,,,,,,,,,,,,";

  private String write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void aHeaderlessFileWithAnEmptyRowKeepsItsIds() throws IOException {
    Centroids centroids =
        CentroidsFiles.readCentroids(write("c.csv", ROW + "\n" + EMPTY + "\n" + ROW));

    assertEquals(3, centroids.k());
    assertTrue(centroids.isEmpty(1));
    assertEquals(1.7f, centroids.value(2, 16));
  }

  @Test
  void aBundlesOwnFileReadsBackWhatWasWritten() throws IOException {
    Centroids original =
        CentroidsFiles.readCentroids(write("c.csv", ROW + "\n" + EMPTY + "\n" + ROW));
    write("centroids.csv", CentroidsFiles.centroidsText(original));

    assertEquals(original, CentroidsFiles.readCentroids(folder.toString()));
    assertEquals(
        original, CentroidsFiles.readCentroids(folder.resolve("centroids.csv").toString()));
  }

  @Test
  void badRowsAreRefusedWithTheirLineNumber() throws IOException {
    String[][] cases = {
      {ROW + "\n0.1,0.2\n", "c1.csv, line 2: expected 17 values, found 2"},
      {
        ROW + "\n" + ROW.replace("0.5", "abc") + "\n",
        "c2.csv, line 2: value 5 ('abc') is not a number"
      },
      {ROW.replace("0.7", "NaN") + "\n", "c3.csv, line 1: value 7 ('NaN') is not finite"},
      {ROW + "\n\n" + ROW + "\n", "c4.csv, line 2: expected 17 values, found 1"},
      {EMPTY + "\n", "c5.csv: every centre is empty"},
    };
    for (int i = 0; i < cases.length; i++) {
      String file = write("c" + (i + 1) + ".csv", cases[i][0]);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CentroidsFiles.readCentroids(file));
      assertTrue(e.getMessage().endsWith(cases[i][1]), e.getMessage());
    }
  }

  @Test
  void countsFilesWithOrWithoutHeaderAndMissingClusters() throws IOException {
    CentroidsFiles.CountsFile plain = CentroidsFiles.readCounts(write("n.csv", "0,5\n2,700\n"), 4);
    assertEquals(ClusterCounts.of(5, 0, 700, 0), plain.counts());
    assertEquals(List.of(1, 3), plain.missing());

    CentroidsFiles.CountsFile withHeader =
        CentroidsFiles.readCounts(write("h.csv", "cluster_id,count\n1,9\n"), 2);
    assertEquals(ClusterCounts.of(0, 9), withHeader.counts());
    assertEquals("cluster_id,count\n0,0\n1,9\n", CentroidsFiles.countsText(withHeader.counts()));

    String[][] cases = {
      {"0,5\n7,1\n", "line 2: cluster_id 7 is outside 0..3 (k = 4)"},
      {"0,5\n0,6\n", "line 2: cluster_id 0 appears twice"},
      {"0,-5\n", "line 1: count '-5' is not a whole number >= 0"},
      {"0,5,1\n", "line 1: expected cluster_id,count, found 3 fields"},
    };
    for (String[] c : cases) {
      String file = write("bad.csv", c[0]);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CentroidsFiles.readCounts(file, 4));
      assertTrue(e.getMessage().endsWith(c[1]), e.getMessage());
    }
  }
}
