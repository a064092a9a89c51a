package io.auglove.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Tsne}: its perplexity calibration, its maps of separated clusters, seeds and tiny inputs.
 */
class TsneTest {

  private static final int CLUSTERS = 3;
  private static final int PER_CLUSTER = 40;
  private static final int DIMENSIONS = 25;

  /** 3 × 40 points in 25-D: unit Gaussian noise around centres 20 apart on three axes. */
  private static double[][] clusters() {
    Random random = new Random(11);
    double[][] rows = new double[CLUSTERS * PER_CLUSTER][DIMENSIONS];
    for (int i = 0; i < rows.length; i++) {
      for (int d = 0; d < DIMENSIONS; d++) {
        rows[i][d] = random.nextGaussian();
      }
      rows[i][cluster(i)] += 20 / Math.sqrt(2);
    }
    return rows;
  }

  private static int cluster(int i) {
    return i / PER_CLUSTER;
  }

  private static double distance(double[] a, double[] b) {
    double squared = 0;
    for (int d = 0; d < a.length; d++) {
      squared += (a[d] - b[d]) * (a[d] - b[d]);
    }
    return Math.sqrt(squared);
  }

  private static double entropy(double[] p) {
    double h = 0;
    for (double v : p) {
      if (v > 0) {
        h -= v * Math.log(v);
      }
    }
    return h;
  }

  private static void assertFinite(double[][] map) {
    for (double[] point : map) {
      assertEquals(2, point.length);
      for (double v : point) {
        assertTrue(Double.isFinite(v), Arrays.toString(point));
      }
    }
  }

  @Test
  void theConditionalDistributionHasTheEntropyOfThePerplexity() {
    double[][] rows = clusters();
    double[] squared = new double[rows.length];
    for (int j = 0; j < rows.length; j++) {
      squared[j] = Math.pow(distance(rows[0], rows[j]), 2);
    }
    for (double perplexity : new double[] {2, 5, 30}) {
      double[] p = Tsne.conditionalAffinities(squared, 0, perplexity);
      assertEquals(0, p[0]);
      assertEquals(1, Arrays.stream(p).sum(), 1e-12);
      assertEquals(Math.log(perplexity), entropy(p), 1e-3, "perplexity " + perplexity);
    }
  }

  @Test
  void aNearerPointGetsMoreOfTheConditionalDistribution() {
    double[] p = Tsne.conditionalAffinities(new double[] {1, 0, 4, 9, 16}, 1, 2);
    assertEquals(0, p[1]);
    assertTrue(p[0] > p[2] && p[2] > p[3] && p[3] > p[4], Arrays.toString(p));
    assertEquals(Math.log(2), entropy(p), 1e-3);
  }

  @Test
  void separatedClustersStaySeparatedOnTheMap() {
    double[][] map = Tsne.create().withSeed(3).embed(clusters());
    assertFinite(map);
    double within = 0;
    double between = 0;
    int withinPairs = 0;
    int betweenPairs = 0;
    for (int i = 0; i < map.length; i++) {
      int nearest = -1;
      for (int j = 0; j < map.length; j++) {
        if (j == i) {
          continue;
        }
        if (nearest < 0 || distance(map[i], map[j]) < distance(map[i], map[nearest])) {
          nearest = j;
        }
        if (cluster(i) == cluster(j)) {
          within += distance(map[i], map[j]);
          withinPairs++;
        } else {
          between += distance(map[i], map[j]);
          betweenPairs++;
        }
      }
      assertEquals(cluster(i), cluster(nearest), "point " + i + "'s nearest on the map");
    }
    double ratio = (within / withinPairs) / (between / betweenPairs);
    assertTrue(ratio < 0.25, "mean within / mean between distance " + ratio);
  }

  @Test
  void theSameSeedGivesTheSameMapAndAnotherSeedAnother() {
    double[][] rows = clusters();
    double[][] first = Tsne.create().withSeed(5).embed(rows);
    double[][] again = Tsne.create().withSeed(5).embed(rows);
    double[][] other = Tsne.create().withSeed(6).embed(rows);
    for (int i = 0; i < rows.length; i++) {
      assertArrayEquals(first[i], again[i], 0, "point " + i);
    }
    assertFalse(Arrays.deepEquals(first, other));
  }

  @Test
  void tinyInputsGiveFiniteMaps() {
    assertEquals(0, Tsne.create().embed(new double[0][]).length);
    assertArrayEquals(new double[] {0, 0}, Tsne.create().embed(new double[][] {{1, 2, 3}})[0]);
    double[][] two = Tsne.create().embed(new double[][] {{0, 0}, {1, 1}});
    assertFinite(two);
    assertTrue(distance(two[0], two[1]) > 0);
    double[][] three = Tsne.create().embed(new double[][] {{0, 0}, {1, 0}, {5, 5}});
    assertFinite(three);
    double[][] same = Tsne.create().embed(new double[][] {{1, 1}, {1, 1}, {1, 1}});
    assertFinite(same);
  }

  @Test
  void thePerplexityIsLoweredToAThirdOfTheOtherPointsButNotBelowOne() {
    Tsne tsne = Tsne.create();
    assertEquals(30, tsne.perplexityFor(1000));
    assertEquals(30, tsne.perplexityFor(91));
    assertEquals(10, tsne.perplexityFor(31));
    assertEquals(1, tsne.perplexityFor(3));
    assertEquals(1, tsne.perplexityFor(2));
    assertEquals(5, tsne.withPerplexity(5).perplexityFor(1000));
  }

  @Test
  void badSettingsAreRefusedWithTheirValue() {
    assertEquals(
        "perplexity must be a finite number of at least 1, not 0.5",
        assertThrows(IllegalArgumentException.class, () -> Tsne.create().withPerplexity(0.5))
            .getMessage());
    assertEquals(
        "learningRate must be a finite positive number, not 0.0",
        assertThrows(IllegalArgumentException.class, () -> Tsne.create().withLearningRate(0))
            .getMessage());
    assertEquals(
        "iterations must be more than 250 (the early exaggeration), not 250",
        assertThrows(IllegalArgumentException.class, () -> Tsne.create().withIterations(250))
            .getMessage());
    assertEquals(
        "rows must all have the same length, not 2 and 3",
        assertThrows(
                IllegalArgumentException.class,
                () -> Tsne.create().embed(new double[][] {{0, 0}, {0, 0, 0}}))
            .getMessage());
  }

  @Test
  void aLargeVocabularyIsMappedByASeededSample() {
    assertArrayEquals(new int[] {0, 1, 2}, Projections.tsneSample(3, 1));
    int[] sample = Projections.tsneSample(5000, 1);
    assertEquals(Projections.TSNE_MAX_POINTS, sample.length);
    assertEquals(Projections.TSNE_MAX_POINTS, Arrays.stream(sample).distinct().count());
    for (int k = 1; k < sample.length; k++) {
      assertTrue(sample[k - 1] < sample[k] && sample[k] < 5000);
    }
    assertArrayEquals(sample, Projections.tsneSample(5000, 1));
    assertFalse(Arrays.equals(sample, Projections.tsneSample(5000, 2)));
  }
}
