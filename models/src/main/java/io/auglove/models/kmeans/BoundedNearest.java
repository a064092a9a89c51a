package io.auglove.models.kmeans;

import java.util.Arrays;

/**
 * The nearest-centre step of an exact accelerated Lloyd: Hamerly's bounds (Hamerly 2010) with an
 * annular search by centre norm (Drake and Hamerly's "annulus" variant), in plain Java.
 *
 * <p>Each row keeps its centre a, an upper bound u on its distance to a and a lower bound l on its
 * distance to every other centre. When the centres move, u grows by a's move and l shrinks by the
 * largest move of another centre; a row whose u is still below l keeps its centre without any
 * distance computed. Otherwise u is made exact; if that does not settle it, the row looks among the
 * {@link Neighbours#WIDTH} nearest centres of a (a centre c is at least d(a, c) − u from the row,
 * so the centres beyond that list are at least a's list radius − u away); and if that does not
 * settle it either, the row searches its two nearest centres among the centres sorted by norm,
 * outward from its own norm, starting from the best two found so far, and stops on each side once
 * the norm gap exceeds its second-nearest distance (|‖x‖ − ‖c‖| ≤ ‖x − c‖). The first call has no
 * bounds: each row starts from a guess (the {@link CoarseCells}' guess, see {@link KMeans}) checked
 * the same way, or searches.
 *
 * <p>Exact: the labels are those of a brute-force search over every non-empty centre with the
 * squared distance Σ_d (x_d − c_d)², each term and the sum in float in dimension order, ties to the
 * lowest centre id. The bounds are only trusted with a relative margin ({@link
 * NearestTwoSearch#SLACK}) far above the rounding of those floats, so a row is never kept on a
 * centre that the brute force would not choose. The labels do not depend on the number of threads.
 *
 * <p>Memory: three doubles and an int per row (norm, bounds, label), the centres twice, and the
 * neighbour lists (k x {@link Neighbours#WIDTH} ids and distances).
 */
final class BoundedNearest {

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
            rowNorms[row] = CentreDistances.norm(rowMajor, row * dimension, dimension);
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
                ? Math.sqrt(
                    CentreDistances.squaredDifference(
                        previous, c * dimension, centres, c * dimension, dimension))
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
          NearestTwoSearch search = new NearestTwoSearch(sorted, dimension, true);
          long searchCount = 0;
          long tightCount = 0;
          for (int row = from; row < to; row++) {
            search.reset(); // local, when it runs and fails, leaves its best two for nearestTwo
            if (first && guess != null && present[guess[row]]) {
              int a = guess[row];
              double u =
                  Math.sqrt(
                      CentreDistances.floatSquared(
                          rowMajor, row * dimension, centres, a * dimension, dimension));
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
              u =
                  Math.sqrt(
                      CentreDistances.floatSquared(
                          rowMajor, row * dimension, centres, a * dimension, dimension));
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

  /** Settles the row from its centre {@code a} at distance {@code u} by the local search. */
  private boolean local(
      NearestTwoSearch search, int row, int a, double u, Neighbours neighbours, float[] centres) {
    if (!search.local(rowMajor, row * dimension, a, u, neighbours, centres)) {
      return false; // the search keeps its best two: the annular search starts from them
    }
    labels[row] = search.best;
    upper[row] = Math.sqrt(search.bestSquared);
    lower[row] = search.lowerOthers;
    return true;
  }

  private static boolean holds(double upper, double lower) {
    return upper * (1 + NearestTwoSearch.SLACK) < lower;
  }
}
