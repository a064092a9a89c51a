package io.auglove.models.kmeans;

import java.util.Arrays;
import java.util.Random;

/**
 * Greedy k-means++ initialisation (Arthur and Vassilvitskii, 2007, with the greedy choice they
 * describe and scikit-learn uses): the first centre uniformly at random; at each next step {@code
 * candidates} rows drawn with probability proportional to their squared distance to the nearest
 * centre chosen so far, and the one that leaves the smallest total of those squared distances
 * becomes the centre (ties: the earliest drawn). One candidate per step is plain k-means++.
 *
 * <p>Runs over a uniform sample of the rows, split into {@link Workers#PARTS} fixed parts whose
 * sums are combined in part order: the same rows, sample size, candidates and random state give the
 * same centres for any number of threads.
 */
final class KMeansPlusPlus {

  private KMeansPlusPlus() {}

  /** scikit-learn's number of candidates per step for k centres: 2 + ⌊ln k⌋. */
  static int defaultCandidates(int k) {
    return 2 + (int) Math.log(k);
  }

  /**
   * k initial centres drawn from a uniform sample (without replacement) of {@code sampleSize} of
   * the rows; the same {@code random} state gives the same centres.
   */
  static float[][] centres(
      float[] rowMajor,
      int rows,
      int dimension,
      int k,
      int sampleSize,
      int candidates,
      Random random,
      Workers workers) {
    float[][] byDimension = sampleByDimension(rowMajor, rows, dimension, sampleSize, random);
    Potential potential = new Potential(byDimension, sampleSize, dimension, workers);
    float[][] centres = new float[k][];
    int first = random.nextInt(sampleSize);
    centres[0] = potential.row(first);
    potential.lower(centres[0]);
    float[][] drawn = new float[candidates][];
    for (int c = 1; c < k; c++) {
      double total = potential.total();
      if (!(total > 0)) {
        centres[c] = potential.row(random.nextInt(sampleSize));
        continue;
      }
      for (int j = 0; j < candidates; j++) {
        drawn[j] = potential.row(potential.draw(random.nextDouble() * total));
      }
      double[] totals = potential.totalsWith(drawn);
      int best = 0;
      for (int j = 1; j < candidates; j++) {
        if (totals[j] < totals[best]) {
          best = j;
        }
      }
      centres[c] = drawn[best];
      potential.lower(centres[c]);
    }
    return centres;
  }

  /**
   * A uniform sample of the rows, in input order, stored dimension by dimension (value d of sample
   * row i at {@code [d][i]}).
   */
  private static float[][] sampleByDimension(
      float[] rowMajor, int rows, int dimension, int sampleSize, Random random) {
    int[] chosen;
    if (sampleSize >= rows) {
      chosen = new int[rows];
      Arrays.setAll(chosen, i -> i);
    } else {
      // Partial Fisher-Yates: the first sampleSize slots end up a uniform sample.
      int[] order = new int[rows];
      Arrays.setAll(order, i -> i);
      for (int i = 0; i < sampleSize; i++) {
        int j = i + random.nextInt(rows - i);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      chosen = Arrays.copyOf(order, sampleSize);
      Arrays.sort(chosen);
    }
    float[][] byDimension = new float[dimension][chosen.length];
    for (int i = 0; i < chosen.length; i++) {
      for (int d = 0; d < dimension; d++) {
        byDimension[d][i] = rowMajor[chosen[i] * dimension + d];
      }
    }
    return byDimension;
  }

  /** Each sample row's squared distance to its nearest centre so far, and their totals by part. */
  private static final class Potential {
    private final float[][] byDimension;
    private final int size;
    private final int dimension;
    private final Workers workers;
    private final float[] nearest;
    private final double[] partTotals = new double[Workers.PARTS];

    /** Squared distances to a centre; each part writes its own rows only. */
    private final float[] squared;

    Potential(float[][] byDimension, int size, int dimension, Workers workers) {
      this.byDimension = byDimension;
      this.size = size;
      this.dimension = dimension;
      this.workers = workers;
      this.nearest = new float[size];
      this.squared = new float[size];
      Arrays.fill(nearest, Float.POSITIVE_INFINITY);
    }

    float[] row(int i) {
      float[] row = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        row[d] = byDimension[d][i];
      }
      return row;
    }

    double total() {
      double total = 0;
      for (double partTotal : partTotals) {
        total += partTotal;
      }
      return total;
    }

    /** Lowers each row's squared distance by a new centre and recomputes the part totals. */
    void lower(float[] centre) {
      workers.runParts(
          Workers.PARTS,
          part -> {
            int from = Workers.partStart(size, Workers.PARTS, part);
            int to = Workers.partStart(size, Workers.PARTS, part + 1);
            CentreDistances.floatSquaredByDimension(centre, 0, byDimension, from, to, squared);
            for (int i = from; i < to; i++) {
              nearest[i] = Math.min(nearest[i], squared[i]);
            }
            partTotals[part] = sum(nearest, from, to);
          });
    }

    /** The total each candidate would leave if it were added. */
    double[] totalsWith(float[][] candidates) {
      double[][] byPart = new double[Workers.PARTS][candidates.length];
      workers.runParts(
          Workers.PARTS,
          part -> {
            int from = Workers.partStart(size, Workers.PARTS, part);
            int to = Workers.partStart(size, Workers.PARTS, part + 1);
            for (int j = 0; j < candidates.length; j++) {
              CentreDistances.floatSquaredByDimension(
                  candidates[j], 0, byDimension, from, to, squared);
              for (int i = from; i < to; i++) {
                squared[i] = Math.min(nearest[i], squared[i]);
              }
              byPart[part][j] = sum(squared, from, to);
            }
          });
      double[] totals = new double[candidates.length];
      for (double[] partTotals : byPart) {
        for (int j = 0; j < totals.length; j++) {
          totals[j] += partTotals[j];
        }
      }
      return totals;
    }

    /**
     * The row at which the running sum of the squared distances, in row order, first exceeds {@code
     * target}; the last row with a non-zero weight if rounding left the target above it.
     */
    int draw(double target) {
      double cumulative = 0;
      int last = -1;
      for (int part = 0; part < Workers.PARTS; part++) {
        if (cumulative + partTotals[part] <= target) {
          cumulative += partTotals[part];
          if (partTotals[part] > 0) {
            last = lastPositive(part);
          }
          continue;
        }
        int from = Workers.partStart(size, Workers.PARTS, part);
        int to = Workers.partStart(size, Workers.PARTS, part + 1);
        for (int i = from; i < to; i++) {
          if (nearest[i] > 0) {
            cumulative += nearest[i];
            last = i;
            if (cumulative > target) {
              return i;
            }
          }
        }
      }
      return last;
    }

    private int lastPositive(int part) {
      int from = Workers.partStart(size, Workers.PARTS, part);
      for (int i = Workers.partStart(size, Workers.PARTS, part + 1) - 1; i >= from; i--) {
        if (nearest[i] > 0) {
          return i;
        }
      }
      return -1;
    }

    /**
     * Sum in double of {@code values[from..to)}, in four interleaved partial sums combined as (s0 +
     * s1) + (s2 + s3): a fixed order, four times shorter a chain of dependent additions.
     */
    private static double sum(float[] values, int from, int to) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int i = from;
      for (; i + 3 < to; i += 4) {
        s0 += values[i];
        s1 += values[i + 1];
        s2 += values[i + 2];
        s3 += values[i + 3];
      }
      for (; i < to; i++) {
        s0 += values[i];
      }
      return (s0 + s1) + (s2 + s3);
    }
  }
}
