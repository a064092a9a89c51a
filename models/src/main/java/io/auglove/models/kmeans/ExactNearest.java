package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.Centroids;

/**
 * Assigns rows to their nearest non-empty centre exactly, in plain Java, skipping most distance
 * computations. A row whose previous row's centre is near enough to settle it (frames of a sequence
 * in time order: a face holds an expression for several frames) searches that centre's {@link
 * Neighbours#WIDTH} nearest centres; any other row scans the centres in order of their distance
 * from its nearest pivot ({@link PivotScan}), a block at a time in vector instructions, until the
 * triangle inequality rules out the rest; a row neither settles searches the centres sorted by norm
 * outward from its own (the search of {@link BoundedNearest}, pruning with the nearest centre found
 * rather than the second).
 *
 * <p>Exact: the labels are those of a brute-force search over every non-empty centre with the
 * squared distance Σ_d (x_d − c_d)², each term and the sum in float in dimension order, ties to the
 * lowest centre id, whatever the order of the rows; the distance to the chosen centre is then
 * computed in double. Unlike {@link NearestCentroid}, whose float32 matrix product can pick either
 * of two centres within about 1e-4 of a squared distance of each other, the result is the same on
 * every machine.
 *
 * <p>Thread-safe: the centres, their order by norm and the neighbour lists (computed for a centre
 * the first time a row needs them) are shared; each call has its own scratch space.
 */
public final class ExactNearest {

  /** Fewest rows in a part of a call split over threads (the labels do not depend on it). */
  private static final int MIN_PART_ROWS = 4096;

  private final Centroids centroids;
  private final float[] centres;
  private final int dimension;
  private final SortedCentres sorted;
  private final Neighbours neighbours;
  private final PivotScan scan;

  private ExactNearest(Centroids centroids) {
    this.centroids = centroids;
    this.centres = centroids.toRowMajor();
    this.dimension = centroids.dimension();
    boolean[] present = new boolean[centroids.k()];
    for (int c = 0; c < present.length; c++) {
      present[c] = !centroids.isEmpty(c);
    }
    this.sorted = new SortedCentres(centres, present, dimension);
    this.neighbours = new Neighbours(sorted, centres, present, dimension);
    this.scan = new PivotScan(centres, present, dimension);
  }

  /** Exact nearest-centre assignment to {@code centroids}. */
  public static ExactNearest of(Centroids centroids) {
    return new ExactNearest(checkNotNull(centroids, "centroids"));
  }

  /** The centres rows are assigned to. */
  public Centroids centroids() {
    return centroids;
  }

  /**
   * The nearest non-empty centre of each of the first {@code rows} rows and the distance to it.
   *
   * @param rowMajor rows x {@code centroids().dimension()} values, row after row
   * @throws IllegalArgumentException if {@code rowMajor} does not hold exactly that many values, or
   *     holds a value that is not finite
   */
  public Assignment assign(float[] rowMajor, int rows) {
    return assign(rowMajor, rows, 1);
  }

  /**
   * As {@link #assign(float[], int)}, with the rows split into contiguous parts spread over {@code
   * threads} threads (at least 1; 0: one per processor); the assignment does not depend on the
   * number of threads.
   */
  public Assignment assign(float[] rowMajor, int rows, int threads) {
    RowMatrix.check(rowMajor, rows, dimension);
    int[] labels = new int[rows];
    // Each part's first row searches cold: a short sequence is one part, a long one up to PARTS.
    int parts = Math.max(1, Math.min(Workers.PARTS, rows / MIN_PART_ROWS));
    try (Workers workers = Workers.of(threads)) {
      workers.runParts(
          parts,
          part ->
              label(
                  rowMajor,
                  Workers.partStart(rows, parts, part),
                  Workers.partStart(rows, parts, part + 1),
                  labels));
      return HostStatistics.assignment(rowMajor, dimension, centres, labels, workers);
    }
  }

  /**
   * Labels rows {@code from .. to - 1}: from the centre of the row before when it likely settles
   * the row with its neighbours, else by the pivot scan, which starts with that centre as the best
   * so far; a row neither settles searches every centre by norm.
   */
  private void label(float[] rowMajor, int from, int to, int[] labels) {
    NearestTwoSearch search = new NearestTwoSearch(sorted, dimension, false);
    float[] scratch = new float[scan.scratchLength()];
    int previous = -1;
    for (int row = from; row < to; row++) {
      int rowStart = row * dimension;
      search.reset();
      if (previous >= 0) {
        float previousSquared =
            CentreDistances.floatSquared(
                rowMajor, rowStart, centres, previous * dimension, dimension);
        if (likelySettles(previous, previousSquared)
            && search.local(
                rowMajor, rowStart, previous, Math.sqrt(previousSquared), neighbours, centres)) {
          labels[row] = previous = search.best;
          continue;
        }
        search.consider(previous, previousSquared);
      }
      if (!scan.scan(rowMajor, rowStart, search, scratch)) {
        search.nearestTwo(rowMajor, rowStart, CentreDistances.norm(rowMajor, rowStart, dimension));
      }
      labels[row] = previous = search.best;
    }
  }

  /**
   * Whether the local search from centre {@code a}, at squared distance {@code squared} from the
   * row, would settle the row if {@code a} were its nearest centre: a cheap test that spares the
   * cells' guess when the row before is a good start.
   */
  private boolean likelySettles(int a, float squared) {
    neighbours.ensure(a);
    return 2 * Math.sqrt(squared) * (1 + NearestTwoSearch.SLACK) < neighbours.radius[a];
  }
}
