package io.auglove.models.kmeans;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The nearest-centre step of an exact accelerated Lloyd: Hamerly's bounds (Hamerly 2010) with an
 * annular search by centre norm (Drake and Hamerly's "annulus" variant), in plain Java.
 *
 * <p>Each row keeps its centre a, an upper bound u on its distance to a and a lower bound l on its
 * distance to every other centre. When the centres move, u grows by a's move and l shrinks by the
 * largest move of another centre; a row whose u is still below l keeps its centre without any
 * distance computed. Otherwise u is made exact; if that does not settle it, the row looks among the
 * {@link #NEIGHBOURS} nearest centres of a (a centre c is at least d(a, c) − u from the row, so the
 * centres beyond that list are at least a's list radius − u away); and if that does not settle it
 * either, the row searches its two nearest centres among the centres sorted by norm, outward from
 * its own norm, starting from the best two found so far, and stops on each side once the norm gap
 * exceeds its second-nearest distance (|‖x‖ − ‖c‖| ≤ ‖x − c‖). The first call has no bounds: each
 * row starts from a guess (a device pass, see {@link KMeans}) checked the same way, or searches.
 *
 * <p>Exact: the labels are those of a brute-force search over every non-empty centre with the
 * squared distance Σ_d (x_d − c_d)², each term and the sum in float in dimension order, ties to the
 * lowest centre id. The bounds are only trusted with a relative margin ({@link #SLACK}) far above
 * the rounding of those floats, so a row is never kept on a centre that the brute force would not
 * choose. The labels do not depend on the number of threads.
 *
 * <p>Memory: three doubles and an int per row (norm, bounds, label), the centres twice, and the
 * neighbour lists (k x {@link #NEIGHBOURS} ids and distances).
 */
final class BoundedNearest {

  /** Relative margin by which a bound must win: rounding of a float distance is about 1e-6. */
  static final double SLACK = 1e-4;

  /** Nearest other centres listed for each centre, for the local search. */
  static final int NEIGHBOURS = 128;

  /** Centres scanned at once in the annular search. */
  private static final int BLOCK = 64;

  private final float[] rowMajor;
  private final int rows;
  private final int dimension;
  private final double[] rowNorms;
  private final int[] labels;
  private final double[] upper;
  private final double[] lower;
  private float[] previous;
  private boolean[] previousPresent;
  private long searches;
  private long tightened;

  BoundedNearest(float[] rowMajor, int rows, int dimension, Workers workers) {
    this.rowMajor = rowMajor;
    this.rows = rows;
    this.dimension = dimension;
    this.rowNorms = new double[rows];
    this.labels = new int[rows];
    this.upper = new double[rows];
    this.lower = new double[rows];
    workers.runParts(
        Workers.PARTS,
        part -> {
          int to = Workers.partStart(rows, Workers.PARTS, part + 1);
          for (int row = Workers.partStart(rows, Workers.PARTS, part); row < to; row++) {
            rowNorms[row] = norm(rowMajor, row * dimension, dimension);
          }
        });
  }

  /** Rows that needed the annular search in the last call. */
  long searches() {
    return searches;
  }

  /** Rows whose bound held only after their upper bound was made exact, in the last call. */
  long tightened() {
    return tightened;
  }

  /**
   * The nearest of {@code centres} (row-major k x dimension; {@code present[c]} false for an empty
   * centre, which no row gets) for every row. The array returned is a copy.
   */
  int[] labels(float[] centres, boolean[] present, Workers workers) {
    return labels(centres, present, null, workers);
  }

  /**
   * As {@link #labels(float[], boolean[], Workers)}, the first call starting each row from {@code
   * guess[row]} (a non-empty centre that is probably the nearest, or null for none): the guess is
   * checked and corrected, so the labels are the same with any guess.
   */
  int[] labels(float[] centres, boolean[] present, int[] guess, Workers workers) {
    int k = present.length;
    SortedCentres sorted = new SortedCentres(centres, present, dimension);
    Neighbours neighbours = new Neighbours(sorted, centres, present, dimension);
    double[] drift = new double[k];
    int fastest = -1;
    double maxDrift = 0;
    double secondDrift = 0;
    boolean first = previous == null;
    if (!first) {
      for (int c = 0; c < k; c++) {
        if (!present[c]) {
          continue;
        }
        drift[c] =
            previousPresent[c]
                ? Math.sqrt(squaredDifference(previous, centres, c * dimension, dimension))
                : Double.POSITIVE_INFINITY;
        if (drift[c] > maxDrift) {
          secondDrift = maxDrift;
          maxDrift = drift[c];
          fastest = c;
        } else if (drift[c] > secondDrift) {
          secondDrift = drift[c];
        }
      }
    }
    int fastestCentre = fastest;
    double largest = maxDrift;
    double secondLargest = secondDrift;
    long[] searched = new long[Workers.PARTS];
    long[] tight = new long[Workers.PARTS];
    workers.runParts(
        Workers.PARTS,
        part -> {
          int from = Workers.partStart(rows, Workers.PARTS, part);
          int to = Workers.partStart(rows, Workers.PARTS, part + 1);
          Search search = new Search(sorted, dimension);
          long searchCount = 0;
          long tightCount = 0;
          for (int row = from; row < to; row++) {
            search.reset(); // local, when it runs and fails, leaves its best two for nearestTwo
            if (first && guess != null && present[guess[row]]) {
              int a = guess[row];
              double u =
                  Math.sqrt(squaredDistance(rowMajor, row * dimension, centres, a * dimension));
              if (local(search, row, a, u, neighbours, centres)) {
                continue;
              }
            } else if (!first && present[labels[row]]) {
              int a = labels[row];
              double u = upper[row] + drift[a];
              double l = lower[row] - (a == fastestCentre ? secondLargest : largest);
              lower[row] = l;
              if (holds(u, l)) {
                upper[row] = u;
                continue;
              }
              u = Math.sqrt(squaredDistance(rowMajor, row * dimension, centres, a * dimension));
              upper[row] = u;
              if (holds(u, l)) {
                tightCount++;
                continue;
              }
              if (local(search, row, a, u, neighbours, centres)) {
                continue;
              }
            }
            search.nearestTwo(rowMajor, row * dimension, rowNorms[row]);
            labels[row] = search.best;
            upper[row] = Math.sqrt(search.bestSquared);
            lower[row] = Math.sqrt(search.secondSquared);
            searchCount++;
          }
          searched[part] = searchCount;
          tight[part] = tightCount;
        });
    searches = Arrays.stream(searched).sum();
    tightened = Arrays.stream(tight).sum();
    previous = centres.clone();
    previousPresent = present.clone();
    return labels.clone();
  }

  /**
   * Searches row's nearest centre among the neighbours of centre {@code a}, at distance {@code u}
   * from the row: by the triangle inequality a centre c lies at least d(a, c) − u from the row, so
   * the centres beyond a's list are at least (a's radius − u) away. Settles the row and returns
   * true when the best found is nearer than that with a margin; leaves it alone otherwise.
   */
  private boolean local(
      Search search, int row, int a, double u, Neighbours neighbours, float[] centres) {
    int rowStart = row * dimension;
    neighbours.ensure(a);
    int start = a * neighbours.width;
    search.consider(a, squaredDistance(rowMajor, rowStart, centres, a * dimension));
    double outside = neighbours.radius[a] - u;
    for (int n = 0; n < neighbours.count[a]; n++) {
      double gap = neighbours.distances[start + n] - u;
      if (gap > Math.sqrt(search.secondSquared) * (1 + SLACK)) {
        break; // this neighbour and the farther ones can be neither best nor second
      }
      int c = neighbours.ids[start + n];
      search.consider(c, squaredDistance(rowMajor, rowStart, centres, c * dimension));
    }
    double bestDistance = Math.sqrt(search.bestSquared);
    if (!holds(bestDistance, outside)) {
      return false; // the search keeps its best two: the annular search starts from them
    }
    labels[row] = search.best;
    upper[row] = bestDistance;
    lower[row] = Math.min(Math.sqrt(search.secondSquared), outside);
    return true;
  }

  private static boolean holds(double upper, double lower) {
    return upper * (1 + SLACK) < lower;
  }

  /** The float squared distance of the brute force: terms and sum in float, in dimension order. */
  private float squaredDistance(float[] rows, int rowStart, float[] centres, int centreStart) {
    float sum = 0;
    for (int d = 0; d < dimension; d++) {
      float difference = rows[rowStart + d] - centres[centreStart + d];
      sum += difference * difference;
    }
    return sum;
  }

  private static double squaredDifference(float[] a, float[] b, int start, int dimension) {
    return squaredDifference(a, start, b, start, dimension);
  }

  private static double squaredDifference(
      float[] a, int aStart, float[] b, int bStart, int dimension) {
    double sum = 0;
    for (int d = 0; d < dimension; d++) {
      double difference = (double) a[aStart + d] - b[bStart + d];
      sum += difference * difference;
    }
    return sum;
  }

  static double norm(float[] values, int start, int dimension) {
    double sum = 0;
    for (int d = start; d < start + dimension; d++) {
      sum += (double) values[d] * values[d];
    }
    return Math.sqrt(sum);
  }

  /** The non-empty centres in order of norm (ties by id), dimension-major for the block scans. */
  private static final class SortedCentres {
    final int count;
    final double[] norms;
    final int[] ids;
    final float[] byDimension;

    SortedCentres(float[] centres, boolean[] present, int dimension) {
      int k = present.length;
      int m = 0;
      Integer[] order = new Integer[k];
      double[] allNorms = new double[k];
      for (int c = 0; c < k; c++) {
        if (present[c]) {
          allNorms[c] = norm(centres, c * dimension, dimension);
          order[m++] = c;
        }
      }
      order = Arrays.copyOf(order, m);
      Arrays.sort(
          order,
          (x, y) -> {
            int byNorm = Double.compare(allNorms[x], allNorms[y]);
            return byNorm != 0 ? byNorm : Integer.compare(x, y);
          });
      this.count = m;
      this.norms = new double[m];
      this.ids = new int[m];
      this.byDimension = new float[dimension * m];
      for (int i = 0; i < m; i++) {
        int c = order[i];
        norms[i] = allNorms[c];
        ids[i] = c;
        for (int d = 0; d < dimension; d++) {
          byDimension[d * m + i] = centres[c * dimension + d];
        }
      }
    }
  }

  /** One thread's search for a row's two nearest centres, with its scratch space. */
  private static final class Search {
    private final SortedCentres centres;
    private final int dimension;
    private final float[] squared = new float[BLOCK];
    int best;
    float bestSquared;
    float secondSquared;
    private int second;

    Search(SortedCentres centres, int dimension) {
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

  /**
   * For each non-empty centre, its {@link #NEIGHBOURS} nearest other centres, nearest first, with
   * their distances, and its radius: a distance no other centre beyond the list is nearer than.
   * Computed per centre on demand: late in a fit few centres have rows that need them.
   */
  private static final class Neighbours {
    final int width = NEIGHBOURS;
    final int[] count;
    final int[] ids;
    final double[] distances;
    final double[] radius;

    private final SortedCentres sorted;
    private final float[] centres;
    private final int dimension;
    private final AtomicIntegerArray ready;

    /** Lists computed on demand, the first time a row of a centre needs its list. */
    Neighbours(SortedCentres sorted, float[] centres, boolean[] present, int dimension) {
      int k = present.length;
      this.sorted = sorted;
      this.centres = centres;
      this.dimension = dimension;
      this.count = new int[k];
      this.ids = new int[k * width];
      this.distances = new double[k * width];
      this.radius = new double[k];
      this.ready = new AtomicIntegerArray(k);
    }

    /**
     * Makes centre c's list available. Threads that compute the same list at once write the same
     * values; the flag is set after the list, so a reader that sees it sees the list.
     */
    void ensure(int c) {
      if (ready.get(c) == 1) {
        return;
      }
      int m = sorted.count;
      float[] squared = new float[m];
      for (int d = 0; d < dimension; d++) {
        float value = centres[c * dimension + d];
        int base = d * m;
        for (int j = 0; j < m; j++) {
          float difference = value - sorted.byDimension[base + j];
          squared[j] += difference * difference;
        }
      }
      long[] keys = new long[m];
      int others = 0;
      for (int j = 0; j < m; j++) {
        if (sorted.ids[j] != c) {
          // non-negative floats sort like their bits; the id breaks ties
          keys[others++] = ((long) Float.floatToIntBits(squared[j]) << 32) | sorted.ids[j];
        }
      }
      int kept = Math.min(width, others);
      select(keys, others, kept);
      Arrays.sort(keys, 0, kept);
      for (int n = 0; n < kept; n++) {
        int id = (int) (keys[n] & 0xFFFFFFFFL);
        ids[c * width + n] = id;
        distances[c * width + n] =
            Math.sqrt(
                squaredDifference(centres, c * dimension, centres, id * dimension, dimension));
      }
      // the list was chosen by float keys: trust its radius only with the margin
      radius[c] =
          kept < others ? distances[c * width + kept - 1] * (1 - SLACK) : Double.POSITIVE_INFINITY;
      count[c] = kept;
      ready.set(c, 1);
    }

    /** Moves the {@code kept} smallest of {@code keys[0..size)} to its front (quickselect). */
    private static void select(long[] keys, int size, int kept) {
      int low = 0;
      int high = size - 1;
      while (low < high) {
        long pivot = keys[(low + high) >>> 1];
        int i = low;
        int j = high;
        while (i <= j) {
          while (keys[i] < pivot) {
            i++;
          }
          while (keys[j] > pivot) {
            j--;
          }
          if (i <= j) {
            long swap = keys[i];
            keys[i] = keys[j];
            keys[j] = swap;
            i++;
            j--;
          }
        }
        if (kept - 1 <= j) {
          high = j;
        } else if (kept - 1 >= i) {
          low = i;
        } else {
          return;
        }
      }
    }
  }
}
