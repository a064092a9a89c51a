package io.auglove.models.kmeans;

/**
 * One thread's search for a row's nearest centre, and its second nearest when the caller needs it
 * (bounded Lloyd keeps it as a lower bound), with its scratch space. Without the second, every
 * pruning test compares with the nearest so far, which prunes much more.
 */
final class NearestTwoSearch {

  /** Relative margin by which a bound must win: rounding of a float distance is about 1e-6. */
  static final double SLACK = 1e-4;

  /** Centres scanned at once in the annular search. */
  private static final int BLOCK = 64;

  private final SortedCentres centres;
  private final int dimension;
  private final boolean secondWanted;

  /** Squared distances to the centres in norm order, indexed as they are. */
  private final float[] squared;

  int best;
  float bestSquared;
  float secondSquared;
  private int second;

  /**
   * After a {@link #local} search that settled: a lower bound on the distance to every other
   * centre.
   */
  double lowerOthers;

  /**
   * @param secondWanted whether {@link #secondSquared} must be exact (else it is only an upper
   *     bound on it, and {@link #lowerOthers} is not set)
   */
  NearestTwoSearch(SortedCentres centres, int dimension, boolean secondWanted) {
    this.centres = centres;
    this.dimension = dimension;
    this.secondWanted = secondWanted;
    this.squared = new float[centres.count];
  }

  /** The squared distance a centre must not exceed to matter: the second's, or the best's. */
  private float bound() {
    return secondWanted ? secondSquared : bestSquared;
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
   * distance to every other centre (when the second is wanted); otherwise what it found is where
   * {@link #nearestTwo} starts.
   */
  boolean local(
      float[] rows, int rowStart, int a, double u, Neighbours neighbours, float[] centreRows) {
    neighbours.ensure(a);
    int start = a * neighbours.width;
    consider(a, CentreDistances.floatSquared(rows, rowStart, centreRows, a * dimension, dimension));
    double outside = neighbours.radius[a] - u;
    float bound = bound();
    double limit = u + Math.sqrt(bound) * (1 + SLACK);
    for (int n = 0; n < neighbours.count[a]; n++) {
      if (neighbours.distances[start + n] > limit) {
        break; // this neighbour and the farther ones cannot be among the nearest wanted
      }
      int c = neighbours.ids[start + n];
      consider(
          c, CentreDistances.floatSquared(rows, rowStart, centreRows, c * dimension, dimension));
      if (bound() != bound) {
        bound = bound();
        limit = u + Math.sqrt(bound) * (1 + SLACK);
      }
    }
    if (Math.sqrt(bestSquared) * (1 + SLACK) >= outside) {
      return false;
    }
    if (secondWanted) {
      lowerOthers = Math.min(Math.sqrt(secondSquared), outside);
    }
    return true;
  }

  /**
   * Completes the search over every centre, from the centres already taken in (none after {@link
   * #reset}): the best, and the second when wanted.
   */
  void nearestTwo(float[] rows, int rowStart, double rowNorm) {
    double[] norms = centres.norms;
    int m = centres.count;
    int right = lowerBound(norms, rowNorm);
    int left = right; // scanned: [left, right)
    while (true) {
      double radius = Math.sqrt(bound()) * (1 + SLACK);
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
    CentreDistances.floatSquaredByDimension(rows, rowStart, centres.byDimension, from, to, squared);
    int[] ids = centres.ids;
    for (int i = from; i < to; i++) {
      if (squared[i] <= bound()) {
        consider(ids[i], squared[i]);
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
