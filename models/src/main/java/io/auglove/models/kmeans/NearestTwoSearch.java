package io.auglove.models.kmeans;

/** One thread's search for a row's two nearest centres, with its scratch space. */
final class NearestTwoSearch {

  /** Relative margin by which a bound must win: rounding of a float distance is about 1e-6. */
  static final double SLACK = 1e-4;

  /** Centres scanned at once in the annular search. */
  private static final int BLOCK = 64;

  private final SortedCentres centres;
  private final int dimension;
  private final float[] squared = new float[BLOCK];
  int best;
  float bestSquared;
  float secondSquared;
  private int second;

  /**
   * After a {@link #local} search that settled: a lower bound on the distance to every other
   * centre.
   */
  double lowerOthers;

  NearestTwoSearch(SortedCentres centres, int dimension) {
    this.centres = centres;
    this.dimension = dimension;
  }

  void reset() {
    best = -1;
    second = -1;
    bestSquared = Float.POSITIVE_INFINITY;
    secondSquared = Float.POSITIVE_INFINITY;
  }

  /** Takes centre {@code id} at squared distance {@code s} into the best two, if it belongs. */
  void consider(int id, float s) {
    if (s > secondSquared || id == best || id == second) {
      return;
    }
    if (s < bestSquared || (s == bestSquared && id < best)) {
      secondSquared = bestSquared;
      second = best;
      bestSquared = s;
      best = id;
    } else if (s < secondSquared || (s == secondSquared && id < second)) {
      secondSquared = s;
      second = id;
    }
  }

  /**
   * Searches a row's nearest centre among the neighbours of centre {@code a}, at distance {@code u}
   * from the row: by the triangle inequality a centre c lies at least d(a, c) − u from the row, so
   * the centres beyond a's list are at least (a's radius − u) away. Returns true when the best
   * found ({@link #best}) is nearer than that with a margin, {@link #lowerOthers} then bounding the
   * distance to every other centre; otherwise its best two are where {@link #nearestTwo} starts.
   */
  boolean local(
      float[] rows, int rowStart, int a, double u, Neighbours neighbours, float[] centreRows) {
    neighbours.ensure(a);
    int start = a * neighbours.width;
    consider(a, CentreDistances.floatSquared(rows, rowStart, centreRows, a * dimension, dimension));
    double outside = neighbours.radius[a] - u;
    for (int n = 0; n < neighbours.count[a]; n++) {
      double gap = neighbours.distances[start + n] - u;
      if (gap > Math.sqrt(secondSquared) * (1 + SLACK)) {
        break; // this neighbour and the farther ones can be neither best nor second
      }
      int c = neighbours.ids[start + n];
      consider(
          c, CentreDistances.floatSquared(rows, rowStart, centreRows, c * dimension, dimension));
    }
    if (Math.sqrt(bestSquared) * (1 + SLACK) >= outside) {
      return false;
    }
    lowerOthers = Math.min(Math.sqrt(secondSquared), outside);
    return true;
  }

  /**
   * Completes the best two over every centre, from those already taken in (none after {@link
   * #reset}).
   */
  void nearestTwo(float[] rows, int rowStart, double rowNorm) {
    double[] norms = centres.norms;
    int m = centres.count;
    int right = lowerBound(norms, rowNorm);
    int left = right; // scanned: [left, right)
    while (true) {
      double radius = Math.sqrt(secondSquared) * (1 + SLACK);
      double leftGap = left > 0 ? rowNorm - norms[left - 1] : Double.POSITIVE_INFINITY;
      double rightGap = right < m ? norms[right] - rowNorm : Double.POSITIVE_INFINITY;
      boolean leftOpen = left > 0 && leftGap <= radius;
      boolean rightOpen = right < m && rightGap <= radius;
      if (!leftOpen && !rightOpen) {
        return;
      }
      if (rightOpen && (!leftOpen || rightGap <= leftGap)) {
        int to = Math.min(m, right + BLOCK);
        scan(rows, rowStart, right, to);
        right = to;
      } else {
        int from = Math.max(0, left - BLOCK);
        scan(rows, rowStart, from, left);
        left = from;
      }
    }
  }

  private void scan(float[] rows, int rowStart, int from, int to) {
    int length = to - from;
    int m = centres.count;
    float[] columns = centres.byDimension;
    float[] sums = squared;
    float value = rows[rowStart];
    for (int i = 0; i < length; i++) {
      float difference = value - columns[from + i];
      sums[i] = difference * difference;
    }
    for (int d = 1; d < dimension; d++) {
      value = rows[rowStart + d];
      int base = d * m + from;
      for (int i = 0; i < length; i++) {
        float difference = value - columns[base + i];
        sums[i] += difference * difference;
      }
    }
    int[] ids = centres.ids;
    for (int i = 0; i < length; i++) {
      if (sums[i] <= secondSquared) {
        consider(ids[from + i], sums[i]);
      }
    }
  }

  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
