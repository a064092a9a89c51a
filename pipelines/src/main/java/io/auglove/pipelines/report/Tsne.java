package io.auglove.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Random;

/**
 * Exact t-SNE (L. van der Maaten and G. Hinton, "Visualizing Data using t-SNE", JMLR 9, 2008): a
 * map of points on two axes in which each point's near neighbours in the input stay near it.
 *
 * <ol>
 *   <li><b>Input affinities.</b> For each point i, a Gaussian over the other points, p(j|i) ∝
 *       exp(−β<sub>i</sub> ‖x<sub>i</sub> − x<sub>j</sub>‖²), whose precision β<sub>i</sub> is
 *       found by binary search so that the distribution's entropy is log(perplexity) (natural log):
 *       the perplexity is the number of neighbours each point effectively has, so dense regions get
 *       a narrow Gaussian and sparse ones a wide one ({@link #conditionalAffinities}).
 *   <li><b>Symmetrised.</b> p<sub>ij</sub> = (p(j|i) + p(i|j)) / 2n, so that every point, outliers
 *       included, contributes at least 1/2n.
 *   <li><b>Map affinities.</b> A Student t with one degree of freedom, q<sub>ij</sub> = (1 +
 *       ‖y<sub>i</sub> − y<sub>j</sub>‖²)<sup>−1</sup> / Σ<sub>k≠l</sub> (1 + ‖y<sub>k</sub> −
 *       y<sub>l</sub>‖²)<sup>−1</sup>: its heavy tail lets moderately far points lie far apart in
 *       the map.
 *   <li><b>Gradient descent</b> on KL(P‖Q), whose gradient is 4 Σ<sub>j</sub> (p<sub>ij</sub> −
 *       q<sub>ij</sub>)(1 + ‖y<sub>i</sub> − y<sub>j</sub>‖²)<sup>−1</sup> (y<sub>i</sub> −
 *       y<sub>j</sub>). For the first {@value #EARLY_ITERATIONS} iterations P is multiplied by
 *       {@value #EXAGGERATION} (early exaggeration, so that clusters form and separate while the
 *       map is still loose; the paper used 4 for 50 iterations, later implementations these) and
 *       the momentum is {@value #EARLY_MOMENTUM}; after that, {@value #FINAL_MOMENTUM}. Each
 *       coordinate has its own gain, as in the authors' reference implementation: it grows by
 *       {@value #GAIN_STEP} while the gradient keeps its sign (its sign differs from the last
 *       update's), shrinks by a factor {@value #GAIN_DECAY} when it flips, and never falls below
 *       {@value #MIN_GAIN}. The map is recentred on the origin after each step.
 * </ol>
 *
 * <p>The map starts from Gaussian noise of standard deviation {@value #START_SCALE} drawn from a
 * {@link Random} seeded with {@link #withSeed}, and every step is sequential, so the same rows and
 * settings give the same map bit for bit. Time grows as n² per iteration and memory as n² (exact,
 * without the Barnes-Hut approximation): on one core 1,000 points take about 3 s, 3,000 about 20 s.
 *
 * <pre>{@code
 * double[][] map = Tsne.create().withSeed(7).embed(rows); // map[i] = {x, y} of rows[i]
 * }</pre>
 */
final class Tsne {

  /** The perplexity unless set: about 30 effective neighbours per point. */
  static final double DEFAULT_PERPLEXITY = 30;

  /** The step size unless set (the paper started at 100; 200 is the usual default since). */
  static final double DEFAULT_LEARNING_RATE = 200;

  /** The iterations unless set, as in the paper's experiments. */
  static final int DEFAULT_ITERATIONS = 1000;

  static final int EARLY_ITERATIONS = 250;
  static final double EXAGGERATION = 12;
  static final double EARLY_MOMENTUM = 0.5;
  static final double FINAL_MOMENTUM = 0.8;
  static final double GAIN_STEP = 0.2;
  static final double GAIN_DECAY = 0.8;
  static final double MIN_GAIN = 0.01;
  static final double START_SCALE = 1e-4;

  /** How close the entropy of each p(j|i) comes to log(perplexity). */
  static final double ENTROPY_TOLERANCE = 1e-5;

  private static final int MAX_SEARCH_STEPS = 200;

  /** The map's axes; {@link #descend} is written out for two. */
  private static final int AXES = 2;

  private final double perplexity;
  private final double learningRate;
  private final int iterations;
  private final long seed;

  private Tsne(double perplexity, double learningRate, int iterations, long seed) {
    this.perplexity = perplexity;
    this.learningRate = learningRate;
    this.iterations = iterations;
    this.seed = seed;
  }

  /**
   * t-SNE with perplexity {@value #DEFAULT_PERPLEXITY}, learning rate {@value
   * #DEFAULT_LEARNING_RATE}, {@value #DEFAULT_ITERATIONS} iterations and seed 0.
   */
  static Tsne create() {
    return new Tsne(DEFAULT_PERPLEXITY, DEFAULT_LEARNING_RATE, DEFAULT_ITERATIONS, 0);
  }

  /**
   * The effective number of neighbours, at least 1. With n points it is lowered to (n − 1) / 3 (but
   * not below 1), so that a small input is not one Gaussian as wide as the whole set.
   */
  Tsne withPerplexity(double perplexity) {
    checkArgument(
        perplexity >= 1 && Double.isFinite(perplexity),
        "perplexity must be a finite number of at least 1, not %s",
        perplexity);
    return new Tsne(perplexity, learningRate, iterations, seed);
  }

  /** The gradient descent's step size, positive. */
  Tsne withLearningRate(double learningRate) {
    checkArgument(
        learningRate > 0 && Double.isFinite(learningRate),
        "learningRate must be a finite positive number, not %s",
        learningRate);
    return new Tsne(perplexity, learningRate, iterations, seed);
  }

  /** How many steps of gradient descent: more than the {@value #EARLY_ITERATIONS} exaggerated. */
  Tsne withIterations(int iterations) {
    checkArgument(
        iterations > EARLY_ITERATIONS,
        "iterations must be more than %s (the early exaggeration), not %s",
        EARLY_ITERATIONS,
        iterations);
    return new Tsne(perplexity, learningRate, iterations, seed);
  }

  /** The seed of the map's starting points. */
  Tsne withSeed(long seed) {
    return new Tsne(perplexity, learningRate, iterations, seed);
  }

  /** The perplexity used for {@code n} points: the one set, lowered to (n − 1) / 3, at least 1. */
  double perplexityFor(int n) {
    return Math.max(1, Math.min(perplexity, (n - 1) / 3.0));
  }

  /**
   * The map of {@code rows} (all of the same length): one point {x, y} per row, in the rows' order.
   * No row gives an empty map, one row the origin.
   */
  double[][] embed(double[][] rows) {
    int n = rows.length;
    for (double[] row : rows) {
      checkArgument(
          row.length == rows[0].length,
          "rows must all have the same length, not %s and %s",
          rows[0].length,
          row.length);
    }
    double[][] map = new double[n][AXES];
    if (n < 2) {
      return map;
    }
    Random random = new Random(seed);
    for (double[] point : map) {
      for (int a = 0; a < AXES; a++) {
        point[a] = START_SCALE * random.nextGaussian();
      }
    }
    descend(jointAffinities(rows, perplexityFor(n)), map);
    return map;
  }

  /**
   * p(j|i) for one point i: a Gaussian kernel over {@code squaredDistances} (from i to every point,
   * i's own entry ignored), its precision found by binary search so that the entropy of the result
   * is log({@code perplexity}) within {@value #ENTROPY_TOLERANCE} where that is reachable (it is
   * not when there are fewer than {@code perplexity} other points, or when distances tie). The
   * result sums to 1 and is 0 at {@code self}.
   */
  static double[] conditionalAffinities(double[] squaredDistances, int self, double perplexity) {
    int n = squaredDistances.length;
    double[] p = new double[n];
    if (n < 2) {
      return p;
    }
    // Distances are taken from the nearest, so that the nearest weighs exp(0) = 1 and the sum can
    // neither underflow to 0 nor overflow, however large the precision.
    double nearest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (j != self) {
        nearest = Math.min(nearest, squaredDistances[j]);
      }
    }
    double target = Math.log(perplexity);
    double beta = 1;
    double lower = 0;
    double upper = Double.POSITIVE_INFINITY;
    double sum = 1;
    for (int step = 0; step < MAX_SEARCH_STEPS; step++) {
      sum = 0;
      double weighted = 0;
      for (int j = 0; j < n; j++) {
        if (j != self) {
          double shifted = squaredDistances[j] - nearest;
          p[j] = Math.exp(-beta * shifted);
          sum += p[j];
          weighted += shifted * p[j];
        }
      }
      double entropy = Math.log(sum) + beta * weighted / sum;
      if (Math.abs(entropy - target) < ENTROPY_TOLERANCE) {
        break;
      }
      // Entropy falls as the precision rises: too wide a Gaussian needs a larger beta.
      if (entropy > target) {
        lower = beta;
        beta = upper == Double.POSITIVE_INFINITY ? 2 * beta : (beta + upper) / 2;
      } else {
        upper = beta;
        beta = (beta + lower) / 2;
      }
    }
    for (int j = 0; j < n; j++) {
      p[j] /= sum;
    }
    return p;
  }

  /** The symmetrised affinities p_ij = (p(j|i) + p(i|j)) / 2n, row-major n × n. */
  private static double[] jointAffinities(double[][] rows, double perplexity) {
    int n = rows.length;
    double[] joint = new double[n * n];
    double[] distances = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double squared = 0;
        for (int d = 0; d < rows[i].length; d++) {
          double difference = rows[i][d] - rows[j][d];
          squared += difference * difference;
        }
        distances[j] = squared;
      }
      double[] conditional = conditionalAffinities(distances, i, perplexity);
      for (int j = 0; j < n; j++) {
        joint[i * n + j] += conditional[j] / (2.0 * n);
        joint[j * n + i] += conditional[j] / (2.0 * n);
      }
    }
    return joint;
  }

  /**
   * Moves {@code map} down the gradient of KL(P‖Q) for the set number of iterations. With t_ij = (1
   * + ‖y_i − y_j‖²)^−1 and Z = Σ_{k≠l} t_kl, q_ij = t_ij / Z and the gradient for point i is 4 (Σ_j
   * p_ij t_ij (y_i − y_j) − Σ_j t_ij² (y_i − y_j) / Z): one pass over the pairs gathers the
   * attraction, the repulsion and Z, each pair visited once and applied to both its points.
   */
  private void descend(double[] joint, double[][] map) {
    int n = map.length;
    double[] attraction = new double[n * AXES];
    double[] repulsion = new double[n * AXES];
    double[] update = new double[n * AXES];
    double[] gains = new double[n * AXES];
    Arrays.fill(gains, 1);
    for (int iteration = 0; iteration < iterations; iteration++) {
      boolean early = iteration < EARLY_ITERATIONS;
      double exaggeration = early ? EXAGGERATION : 1;
      double momentum = early ? EARLY_MOMENTUM : FINAL_MOMENTUM;

      Arrays.fill(attraction, 0);
      Arrays.fill(repulsion, 0);
      double normaliser = 0;
      for (int i = 0; i < n; i++) {
        double[] yi = map[i];
        for (int j = i + 1; j < n; j++) {
          double[] yj = map[j];
          double dx = yi[0] - yj[0];
          double dy = yi[1] - yj[1];
          double t = 1 / (1 + dx * dx + dy * dy);
          normaliser += 2 * t;
          double pull = joint[i * n + j] * t;
          double push = t * t;
          attraction[2 * i] += pull * dx;
          attraction[2 * i + 1] += pull * dy;
          attraction[2 * j] -= pull * dx;
          attraction[2 * j + 1] -= pull * dy;
          repulsion[2 * i] += push * dx;
          repulsion[2 * i + 1] += push * dy;
          repulsion[2 * j] -= push * dx;
          repulsion[2 * j + 1] -= push * dy;
        }
      }

      double[] centre = new double[AXES];
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < AXES; a++) {
          int k = i * AXES + a;
          double gradient = 4 * (exaggeration * attraction[k] - repulsion[k] / normaliser);
          boolean keepsSign = (gradient > 0) != (update[k] > 0);
          gains[k] = Math.max(MIN_GAIN, keepsSign ? gains[k] + GAIN_STEP : gains[k] * GAIN_DECAY);
          update[k] = momentum * update[k] - learningRate * gains[k] * gradient;
          map[i][a] += update[k];
          centre[a] += map[i][a] / n;
        }
      }
      for (double[] point : map) {
        for (int a = 0; a < AXES; a++) {
          point[a] -= centre[a];
        }
      }
    }
  }
}
