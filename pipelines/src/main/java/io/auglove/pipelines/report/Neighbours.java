package io.auglove.pipelines.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Each point's nearest other points: by cosine similarity (embeddings) or Euclidean distance (AU
 * centres). Ties go to the lower index.
 */
final class Neighbours {

  /** A neighbour: its index among the points and its similarity or distance. */
  record Neighbour(int index, double score) {}

  private Neighbours() {}

  /** For each row, the {@code count} rows with the highest cosine similarity to it. */
  static List<List<Neighbour>> byCosine(double[][] unitRows, int count) {
    List<List<Neighbour>> all = new ArrayList<>();
    for (int i = 0; i < unitRows.length; i++) {
      List<Neighbour> candidates = new ArrayList<>();
      for (int j = 0; j < unitRows.length; j++) {
        if (j != i) {
          candidates.add(new Neighbour(j, dot(unitRows[i], unitRows[j])));
        }
      }
      candidates.sort(Comparator.comparingDouble(Neighbour::score).reversed());
      all.add(List.copyOf(candidates.subList(0, Math.min(count, candidates.size()))));
    }
    return all;
  }

  /** For each row, the {@code count} rows nearest to it by Euclidean distance. */
  static List<List<Neighbour>> byDistance(float[][] rows, int count) {
    List<List<Neighbour>> all = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      List<Neighbour> candidates = new ArrayList<>();
      for (int j = 0; j < rows.length; j++) {
        if (j != i) {
          candidates.add(new Neighbour(j, distance(rows[i], rows[j])));
        }
      }
      candidates.sort(Comparator.comparingDouble(Neighbour::score));
      all.add(List.copyOf(candidates.subList(0, Math.min(count, candidates.size()))));
    }
    return all;
  }

  /**
   * The mean share of each row's neighbours in {@code a} that are also among its neighbours in
   * {@code b}: 1 when both spaces agree on every neighbourhood.
   */
  static double overlap(List<List<Neighbour>> a, List<List<Neighbour>> b) {
    double sum = 0;
    for (int i = 0; i < a.size(); i++) {
      List<Integer> other = b.get(i).stream().map(Neighbour::index).toList();
      long shared = a.get(i).stream().filter(n -> other.contains(n.index())).count();
      sum += a.get(i).isEmpty() ? 0 : (double) shared / a.get(i).size();
    }
    return a.isEmpty() ? Double.NaN : sum / a.size();
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int d = 0; d < x.length; d++) {
      sum += x[d] * y[d];
    }
    return sum;
  }

  private static double distance(float[] x, float[] y) {
    double sum = 0;
    for (int d = 0; d < x.length; d++) {
      double diff = x[d] - y[d];
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  }
}
