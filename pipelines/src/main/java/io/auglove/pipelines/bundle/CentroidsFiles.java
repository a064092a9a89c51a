package io.auglove.pipelines.bundle;

import com.google.common.base.Splitter;
import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import io.auglove.transforms.records.ClusterCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the centres and cluster counts of a vocabulary: a bundle's own {@code
 * centroids.csv} and {@code cluster_counts.csv}, and the paper's published files (a headerless k x
 * 17 CSV of centres; a headerless {@code cluster_id,count} file).
 *
 * <p>An empty centre (every field empty, as row 689 of the paper's k = 1000 centres) keeps its id,
 * so ids stay aligned with a counts file; no frame can join it. Any other row that is not 17 finite
 * numbers is refused with its line number.
 */
public final class CentroidsFiles {

  private static final Splitter COMMA = Splitter.on(',');

  private CentroidsFiles() {}

  /**
   * The centres file {@code path} names: the file itself, or a bundle folder's {@code
   * centroids.csv}.
   */
  public static String centroidsFile(String path) throws IOException {
    List<String> matched = Paths.match(path);
    return matched.size() == 1 ? matched.get(0) : Paths.resolve(path, BundleFiles.CENTROIDS);
  }

  /**
   * Reads centres from {@code path}: a bundle folder (its {@code centroids.csv}), a bundle's {@code
   * centroids.csv}, or a headerless CSV of k rows of 17 values.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line of the first malformed row
   */
  public static Centroids readCentroids(String path) throws IOException {
    String file = centroidsFile(path);
    List<String> lines = Paths.readLines(file);
    int last = lines.size();
    while (last > 0 && lines.get(last - 1).isBlank()) {
      last--;
    }
    boolean header = last > 0 && lines.get(0).startsWith("cluster_id");
    if (header) {
      checkHeader(file, lines.get(0));
    }
    List<float[]> rows = new ArrayList<>();
    for (int n = header ? 1 : 0; n < last; n++) {
      List<String> fields = COMMA.splitToList(lines.get(n));
      if (header) {
        String id = fields.get(0).trim();
        int expected = n - 1;
        if (!id.equals(Integer.toString(expected))) {
          throw refused(file, n + 1, "cluster_id '" + id + "' where " + expected + " was expected");
        }
        fields = fields.subList(1, fields.size());
      }
      rows.add(centre(file, n + 1, fields));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no centres in the file");
    }
    if (rows.stream().allMatch(row -> row == null)) {
      throw new IllegalArgumentException(file + ": every centre is empty");
    }
    return Centroids.of(rows.toArray(new float[0][]));
  }

  /**
   * Reads {@code cluster_id,count} lines (a header line is skipped) for k clusters; a cluster the
   * file does not list counts 0.
   *
   * @throws IllegalArgumentException naming the file and line of an id outside 0..k-1, a repeated
   *     id or a count that is not a whole number >= 0
   */
  public static CountsFile readCounts(String path, int k) throws IOException {
    List<String> lines = Paths.readLines(path);
    long[] counts = new long[k];
    boolean[] listed = new boolean[k];
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank() || (n == 0 && !Character.isDigit(line.trim().charAt(0)))) {
        continue;
      }
      List<String> fields = COMMA.splitToList(line);
      if (fields.size() != 2) {
        throw refused(path, n + 1, "expected cluster_id,count, found " + fields.size() + " fields");
      }
      long id = wholeNumber(path, n + 1, "cluster_id", fields.get(0));
      long count = wholeNumber(path, n + 1, "count", fields.get(1));
      if (id >= k) {
        throw refused(
            path, n + 1, "cluster_id " + id + " is outside 0.." + (k - 1) + " (k = " + k + ")");
      }
      if (listed[(int) id]) {
        throw refused(path, n + 1, "cluster_id " + id + " appears twice");
      }
      listed[(int) id] = true;
      counts[(int) id] = count;
    }
    List<Integer> missing = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (!listed[c]) {
        missing.add(c);
      }
    }
    return new CountsFile(ClusterCounts.of(counts), missing);
  }

  /** A counts file's counts, with the clusters it did not list (counted 0). */
  public record CountsFile(ClusterCounts counts, List<Integer> missing) {}

  /** The text of a bundle's {@code centroids.csv}. */
  public static String centroidsText(Centroids centroids) {
    StringBuilder text = new StringBuilder("cluster_id");
    for (String au : ActionUnits.NAMES) {
      text.append(',').append(au);
    }
    text.append('\n');
    for (int c = 0; c < centroids.k(); c++) {
      text.append(c);
      for (int d = 0; d < centroids.dimension(); d++) {
        text.append(',');
        if (!centroids.isEmpty(c)) {
          text.append(centroids.value(c, d));
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The text of a bundle's {@code cluster_counts.csv}. */
  public static String countsText(ClusterCounts counts) {
    StringBuilder text = new StringBuilder("cluster_id,count\n");
    for (int c = 0; c < counts.k(); c++) {
      text.append(c).append(',').append(counts.count(c)).append('\n');
    }
    return text.toString();
  }

  private static void checkHeader(String file, String line) {
    List<String> names = COMMA.splitToList(line);
    List<String> expected = new ArrayList<>(List.of("cluster_id"));
    expected.addAll(ActionUnits.NAMES);
    if (!names.stream().map(String::trim).toList().equals(expected)) {
      throw refused(file, 1, "header is not cluster_id followed by the 17 AUs in order: " + line);
    }
  }

  /** The 17 values of a centre row, or null for an empty centre. */
  private static float[] centre(String file, int line, List<String> fields) {
    if (fields.stream().allMatch(String::isBlank) && fields.size() == ActionUnits.COUNT) {
      return null;
    }
    if (fields.size() != ActionUnits.COUNT) {
      throw refused(
          file, line, "expected " + ActionUnits.COUNT + " values, found " + fields.size());
    }
    float[] row = new float[ActionUnits.COUNT];
    for (int d = 0; d < row.length; d++) {
      String text = fields.get(d).trim();
      try {
        row[d] = Float.parseFloat(text);
      } catch (NumberFormatException e) {
        throw refused(file, line, "value " + (d + 1) + " ('" + text + "') is not a number");
      }
      if (!Float.isFinite(row[d])) {
        throw refused(file, line, "value " + (d + 1) + " ('" + text + "') is not finite");
      }
    }
    return row;
  }

  private static long wholeNumber(String file, int line, String column, String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()
        || !trimmed.chars().allMatch(Character::isDigit)
        || trimmed.length() > 18) {
      throw refused(file, line, column + " '" + trimmed + "' is not a whole number >= 0");
    }
    return Long.parseLong(trimmed);
  }

  private static IllegalArgumentException refused(String file, int line, String problem) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "%s, line %d: %s", file, line, problem));
  }
}
