package io.auglove.models.kmeans;

/**
 * What a Lloyd iteration needs from an assignment, computed in Java from the labels: each row's
 * exact distance to its centre, the inertia, and the sums of each cluster's rows.
 *
 * <p>Squared distances are summed in double over a fixed split of the rows ({@link Workers#PARTS}
 * parts, combined in part order) and cluster sums in row order, so the results are the same for any
 * number of threads.
 */
final class HostStatistics {

  private HostStatistics() {}

  /** The assignment of the rows to {@code labels}, with distances to the centres and totals. */
  static Assignment assignment(
      float[] rowMajor, int dimension, float[] centres, int[] labels, Workers workers) {
    int rows = labels.length;
    float[] distances = new float[rows];
    double[] squares = new double[Workers.PARTS];
    double[] roots = new double[Workers.PARTS];
    workers.runParts(
        Workers.PARTS,
        part -> {
          int from = Workers.partStart(rows, Workers.PARTS, part);
          int to = Workers.partStart(rows, Workers.PARTS, part + 1);
          double sumOfSquares = 0;
          double sumOfDistances = 0;
          for (int row = from; row < to; row++) {
            double squared = squaredDistance(rowMajor, row, centres, labels[row], dimension);
            double distance = Math.sqrt(squared);
            distances[row] = (float) distance;
            sumOfSquares += squared;
            sumOfDistances += distance;
          }
          squares[part] = sumOfSquares;
          roots[part] = sumOfDistances;
        });
    double sumOfSquares = 0;
    double sumOfDistances = 0;
    for (int part = 0; part < Workers.PARTS; part++) {
      sumOfSquares += squares[part];
      sumOfDistances += roots[part];
    }
    return new Assignment(labels, distances, sumOfSquares, sumOfDistances);
  }

  /**
   * The sums of each cluster's rows in double, each cluster's rows added in row order; clusters are
   * split among the workers.
   */
  static ClusterSums sums(
      float[] rowMajor, int dimension, Assignment assignment, int k, Workers workers) {
    int[] labels = assignment.labelsView();
    double[] sums = new double[k * dimension];
    int tasks = Math.min(workers.threads(), k);
    workers.run(
        tasks,
        task -> {
          int first = Workers.partStart(k, tasks, task);
          int last = Workers.partStart(k, tasks, task + 1);
          for (int row = 0; row < labels.length; row++) {
            int label = labels[row];
            if (label < first || label >= last) {
              continue;
            }
            int sumStart = label * dimension;
            int rowStart = row * dimension;
            for (int d = 0; d < dimension; d++) {
              sums[sumStart + d] += rowMajor[rowStart + d];
            }
          }
        });
    return ClusterSums.of(dimension, sums, assignment.clusterSizes(k));
  }

  /** Squared distance from a row to a centre, each difference and the sum in double. */
  static double squaredDistance(
      float[] rowMajor, int row, float[] centres, int centre, int dimension) {
    int rowStart = row * dimension;
    int centreStart = centre * dimension;
    double sum = 0;
    for (int d = 0; d < dimension; d++) {
      double difference = (double) rowMajor[rowStart + d] - centres[centreStart + d];
      sum += difference * difference;
    }
    return sum;
  }
}
