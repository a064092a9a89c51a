package io.auglove.models.glove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.auglove.models.Seeds;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains GloVe embeddings (Pennington, Socher and Manning 2014) of a vocabulary from its
 * co-occurrence matrix: weighted least squares on the non-zero entries, minimising J = Σ f(X_ij)
 * (w_i · w̃_j + b_i + b̃_j − ln X_ij)² with f(x) = min(1, (x / x_max)^α), by AdaGrad, one update
 * per non-zero entry and one pass over them per epoch, in the manner of the reference C
 * implementation ({@code glove.c}); {@link AdaGradTrainer} states the update rule and where it
 * differs.
 *
 * <p>W, W̃ and the biases start uniform in [−0.5, 0.5] / d. Each epoch visits the entries in a new
 * order, a Fisher–Yates shuffle drawn from the seed and the epoch number, and then recomputes the
 * exact loss J / nnz of the parameters it ended with. Training is sequential (the reference runs
 * lock-free threads, which makes it non-deterministic) and uses only IEEE arithmetic and {@link
 * StrictMath}, so the same matrix, settings and seed give bit-identical results on any machine.
 *
 * <p>Memory grows with the non-zero entries only, never with V × V: about 60 bytes per entry (the
 * matrix, f(X) and ln X of each entry, an epoch's order and the entries copied into it so that the
 * updates read them in sequence), 6 GB for the 10^8 cells of a full k = 10,000 vocabulary, plus 4 V
 * × d doubles of parameters and accumulators.
 *
 * <p>Immutable and reusable: one {@code Glove} can fit several matrices.
 *
 * <pre>{@code
 * GloveResult result =
 *     Glove.builder().setDimension(50).optEpochs(25).optSeed(7).build().fit(cooccurrences);
 * float[] embedding = result.model().embedding(token);
 * }</pre>
 */
public final class Glove {

  private static final Logger LOG = LoggerFactory.getLogger(Glove.class);

  private final int dimension;
  private final int epochs;
  private final double xMax;
  private final double alpha;
  private final double learningRate;
  private final long seed;
  private final GloveListener listener;

  private Glove(Builder builder) {
    this.dimension = builder.dimension;
    this.epochs = builder.epochs;
    this.xMax = builder.xMax;
    this.alpha = builder.alpha;
    this.learningRate = builder.learningRate;
    this.seed = builder.seed;
    this.listener = builder.listener;
  }

  /**
   * A builder with the method's settings: 25 epochs, x_max = 100, α = 0.75, learning rate 0.05,
   * seed 0, no listener. The dimension has no default.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains on {@code x} and returns the model and the loss after each epoch; calls the listener and
   * logs one line at INFO after each epoch.
   *
   * @throws IllegalArgumentException if {@code x} has no entries, or V × d is too large for one
   *     array
   * @throws IllegalStateException if the loss stops being finite (training diverged)
   */
  public GloveResult fit(Cooccurrences x) {
    checkArgument(x.size() > 0, "glove: the co-occurrence matrix has no entries");
    int v = x.vocabularySize();
    checkArgument(
        (long) v * dimension <= Integer.MAX_VALUE - 8,
        "glove: %s tokens × %s dimensions do not fit in one array",
        v,
        dimension);
    AdaGradTrainer trainer =
        new AdaGradTrainer(initialModel(v, dimension, seed), x, xMax, alpha, learningRate);
    ImmutableList.Builder<Double> losses = ImmutableList.builderWithExpectedSize(epochs);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long start = System.nanoTime();
      trainer.pass(shuffledOrder(x.size(), Seeds.stream(seed, epoch)));
      double loss = trainer.loss();
      double seconds = (System.nanoTime() - start) / 1e9;
      checkState(
          Double.isFinite(loss),
          "glove: training diverged: the loss after epoch %s of dimension %s is %s (learning rate"
              + " %s)",
          epoch,
          dimension,
          loss,
          learningRate);
      losses.add(loss);
      LOG.info(
          "glove d={} epoch {}/{}: loss {} ({} entries, {} s)",
          dimension,
          epoch,
          epochs,
          String.format("%.6f", loss),
          x.size(),
          String.format("%.3f", seconds));
      listener.onEpoch(dimension, epoch, loss, seconds);
    }
    return new GloveResult(trainer.model(), losses.build());
  }

  /** The dimension d of the vectors. */
  public int dimension() {
    return dimension;
  }

  /** The number of passes over the entries. */
  public int epochs() {
    return epochs;
  }

  /** x_max of the weighting function. */
  public double xMax() {
    return xMax;
  }

  /** α of the weighting function. */
  public double alpha() {
    return alpha;
  }

  /** AdaGrad's learning rate η. */
  public double learningRate() {
    return learningRate;
  }

  /** The seed of the initial parameters and of every epoch's order. */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return String.format(
        "Glove{dimension=%s, epochs=%s, xMax=%s, alpha=%s, learningRate=%s, seed=%s}",
        dimension, epochs, xMax, alpha, learningRate, seed);
  }

  /** W, W̃, b and b̃, in that order, uniform in [−0.5, 0.5] / d from {@code seed}. */
  static GloveModel initialModel(int vocabularySize, int dimension, long seed) {
    Random random = new Random(Seeds.stream(seed, 0));
    double[] word = uniform(random, vocabularySize * dimension, dimension);
    double[] context = uniform(random, vocabularySize * dimension, dimension);
    double[] wordBias = uniform(random, vocabularySize, dimension);
    double[] contextBias = uniform(random, vocabularySize, dimension);
    return new GloveModel(dimension, word, context, wordBias, contextBias);
  }

  /** The entry indices 0..size-1 in a Fisher–Yates shuffled order drawn from {@code seed}. */
  static int[] shuffledOrder(int size, long seed) {
    int[] order = new int[size];
    for (int n = 0; n < size; n++) {
      order[n] = n;
    }
    Random random = new Random(seed);
    for (int n = size - 1; n > 0; n--) {
      int other = random.nextInt(n + 1);
      int swap = order[n];
      order[n] = order[other];
      order[other] = swap;
    }
    return order;
  }

  private static double[] uniform(Random random, int length, int dimension) {
    double[] values = new double[length];
    for (int n = 0; n < length; n++) {
      values[n] = (random.nextDouble() - 0.5) / dimension;
    }
    return values;
  }

  /**
   * Settings of a {@link Glove}: {@code setX} for the required dimension, {@code optX} for the
   * rest. Each setter checks its value and names the valid range when it refuses one.
   */
  public static final class Builder {

    private int dimension;
    private int epochs = 25;
    private double xMax = GloveModel.DEFAULT_X_MAX;
    private double alpha = GloveModel.DEFAULT_ALPHA;
    private double learningRate = 0.05;
    private long seed;
    private GloveListener listener = GloveListener.NONE;

    private Builder() {}

    /** The dimension d of the vectors (the paper: 25, 50, 100, 200); at least 1. */
    public Builder setDimension(int dimension) {
      checkArgument(dimension >= 1, "glove: dimension must be at least 1, got %s", dimension);
      this.dimension = dimension;
      return this;
    }

    /** The number of passes over the entries; at least 1; default 25. */
    public Builder optEpochs(int epochs) {
      checkArgument(epochs >= 1, "glove: epochs must be at least 1, got %s", epochs);
      this.epochs = epochs;
      return this;
    }

    /** x_max of the weighting function; finite and greater than 0; default 100. */
    public Builder optXMax(double xMax) {
      checkArgument(
          xMax > 0 && Double.isFinite(xMax),
          "glove: xMax must be finite and greater than 0, got %s",
          xMax);
      this.xMax = xMax;
      return this;
    }

    /**
     * α of the weighting function; finite and at least 0 (0: every entry weighs 1); default 0.75.
     */
    public Builder optAlpha(double alpha) {
      checkArgument(
          alpha >= 0 && Double.isFinite(alpha),
          "glove: alpha must be finite and at least 0, got %s",
          alpha);
      this.alpha = alpha;
      return this;
    }

    /** AdaGrad's learning rate η; finite and greater than 0; default 0.05. */
    public Builder optLearningRate(double learningRate) {
      checkArgument(
          learningRate > 0 && Double.isFinite(learningRate),
          "glove: learningRate must be finite and greater than 0, got %s",
          learningRate);
      this.learningRate = learningRate;
      return this;
    }

    /** The seed of the initial parameters and of the epochs' orders; any value; default 0. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Told of each epoch as it ends; default none. */
    public Builder optListener(GloveListener listener) {
      this.listener = checkNotNull(listener, "glove: listener is null");
      return this;
    }

    /**
     * The configured {@link Glove}.
     *
     * @throws IllegalStateException if {@link #setDimension} was not called
     */
    public Glove build() {
      checkState(dimension >= 1, "glove: dimension is not set; call setDimension(d)");
      return new Glove(this);
    }
  }
}
