package io.auglove.models.glove;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The parameters GloVe learns for a vocabulary of V tokens in d dimensions, in double precision:
 * word vectors w_i and context vectors w̃_i (each V × d) and word and context biases b_i and b̃_i.
 * The embedding of token i is w_i + w̃_i, as in the GloVe paper (Pennington et al. 2014, Section
 * 4.2).
 *
 * <p>Immutable: the arrays given are copied and never exposed.
 */
public final class GloveModel {

  /** x_max of the GloVe paper and of the method: counts at or above it have weight 1. */
  public static final double DEFAULT_X_MAX = 100;

  /** α of the GloVe paper and of the method: the exponent of the weighting function. */
  public static final double DEFAULT_ALPHA = 0.75;

  private final int vocabularySize;
  private final int dimension;
  private final double[] word;
  private final double[] context;
  private final double[] wordBias;
  private final double[] contextBias;

  /** Takes ownership of row-major arrays whose shapes the caller has checked. */
  GloveModel(
      int dimension, double[] word, double[] context, double[] wordBias, double[] contextBias) {
    this.vocabularySize = wordBias.length;
    this.dimension = dimension;
    this.word = word;
    this.context = context;
    this.wordBias = wordBias;
    this.contextBias = contextBias;
  }

  /**
   * A model with the given parameters: {@code word[i]} is w_i, {@code context[i]} is w̃_i, {@code
   * wordBias[i]} is b_i and {@code contextBias[i]} is b̃_i. Every array is copied.
   *
   * @throws IllegalArgumentException if there are no tokens, the vectors are empty or of unequal
   *     lengths, the four arrays disagree on V, or a value is not finite
   */
  public static GloveModel of(
      double[][] word, double[][] context, double[] wordBias, double[] contextBias) {
    int v = word.length;
    checkArgument(v >= 1, "glove model: need at least one token, got none");
    checkArgument(
        context.length == v && wordBias.length == v && contextBias.length == v,
        "glove model: word vectors, context vectors, word biases and context biases must cover"
            + " the same number of tokens, got %s, %s, %s and %s",
        v,
        context.length,
        wordBias.length,
        contextBias.length);
    int d = word[0].length;
    checkArgument(d >= 1, "glove model: vectors must have at least one dimension, got 0");
    return new GloveModel(
        d,
        flatten("word vector", word, d),
        flatten("context vector", context, d),
        checkFinite("word bias", wordBias.clone()),
        checkFinite("context bias", contextBias.clone()));
  }

  /**
   * GloVe's weighting function f(x) = (x / xMax)^alpha for x &lt; xMax, and 1 for x &ge; xMax: it
   * damps rare co-occurrences and caps frequent ones. Meant for x &gt; 0 (f(0) = 0). Computed with
   * {@link StrictMath}, so the same on every machine.
   */
  public static double weight(double x, double xMax, double alpha) {
    return x >= xMax ? 1.0 : StrictMath.pow(x / xMax, alpha);
  }

  /** V: the number of tokens. */
  public int vocabularySize() {
    return vocabularySize;
  }

  /** d: the length of every vector. */
  public int dimension() {
    return dimension;
  }

  /** The embedding of token {@code i}: w_i + w̃_i, rounded to float. */
  public float[] embedding(int i) {
    checkToken(i);
    float[] embedding = new float[dimension];
    for (int k = 0; k < dimension; k++) {
      embedding[k] = (float) (word[i * dimension + k] + context[i * dimension + k]);
    }
    return embedding;
  }

  /** A copy of the word vector w_i. */
  public double[] wordVector(int i) {
    checkToken(i);
    return Arrays.copyOfRange(word, i * dimension, (i + 1) * dimension);
  }

  /** A copy of the context vector w̃_i. */
  public double[] contextVector(int i) {
    checkToken(i);
    return Arrays.copyOfRange(context, i * dimension, (i + 1) * dimension);
  }

  /** The word bias b_i. */
  public double wordBias(int i) {
    checkToken(i);
    return wordBias[i];
  }

  /** The context bias b̃_i. */
  public double contextBias(int i) {
    checkToken(i);
    return contextBias[i];
  }

  /**
   * The loss with the method's weighting, x_max = 100 and α = 0.75: see {@link #loss(Cooccurrences,
   * double, double)}.
   */
  public double loss(Cooccurrences x) {
    return loss(x, DEFAULT_X_MAX, DEFAULT_ALPHA);
  }

  /**
   * The mean GloVe loss over the non-zero entries of {@code x}: J / nnz, where J = Σ f(X_ij) (w_i ·
   * w̃_j + b_i + b̃_j − ln X_ij)² over the entries with X_ij &gt; 0 and f is {@link #weight}. This
   * is twice the "cost" the reference C implementation prints, which carries a factor ½.
   *
   * @throws IllegalArgumentException if {@code x} has no entries or a vocabulary of another size
   */
  public double loss(Cooccurrences x, double xMax, double alpha) {
    checkArgument(
        x.vocabularySize() == vocabularySize,
        "glove model: the matrix has %s tokens, the model %s",
        x.vocabularySize(),
        vocabularySize);
    checkArgument(x.size() > 0, "glove model: the loss of a matrix with no entries is undefined");
    return meanLoss(
        dimension, word, context, wordBias, contextBias, x, weights(x, xMax, alpha), logs(x));
  }

  /**
   * J / nnz of row-major parameters, given f(X_n) and ln X_n of each entry n: the one
   * implementation of the loss, shared with training.
   */
  static double meanLoss(
      int dimension,
      double[] word,
      double[] context,
      double[] wordBias,
      double[] contextBias,
      Cooccurrences x,
      double[] weights,
      double[] logs) {
    double sum = 0;
    for (int n = 0; n < x.size(); n++) {
      int i = x.row(n);
      int j = x.column(n);
      double diff =
          dot(word, i * dimension, context, j * dimension, dimension)
              + wordBias[i]
              + contextBias[j]
              - logs[n];
      sum += weights[n] * diff * diff;
    }
    return sum / x.size();
  }

  /** f(X_n) of each entry n of {@code x}, in its canonical order. */
  static double[] weights(Cooccurrences x, double xMax, double alpha) {
    double[] weights = new double[x.size()];
    for (int n = 0; n < weights.length; n++) {
      weights[n] = weight(x.value(n), xMax, alpha);
    }
    return weights;
  }

  /** ln X_n of each entry n of {@code x}, in its canonical order, with {@link StrictMath}. */
  static double[] logs(Cooccurrences x) {
    double[] logs = new double[x.size()];
    for (int n = 0; n < logs.length; n++) {
      logs[n] = StrictMath.log(x.value(n));
    }
    return logs;
  }

  // Copies of the row-major parameters, for training to start from.

  double[] copyOfWord() {
    return word.clone();
  }

  double[] copyOfContext() {
    return context.clone();
  }

  double[] copyOfWordBias() {
    return wordBias.clone();
  }

  double[] copyOfContextBias() {
    return contextBias.clone();
  }

  /**
   * a · b over {@code length} values, summed in four interleaved partial sums (values k, k + 4, ...
   * in partial k mod 4), then (s0 + s1) + (s2 + s3): a fixed order, so the same on every machine,
   * and four times shorter a chain of dependent additions than one running sum.
   */
  static double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < length; k += 4) {
      s0 += a[aFrom + k] * b[bFrom + k];
      s1 += a[aFrom + k + 1] * b[bFrom + k + 1];
      s2 += a[aFrom + k + 2] * b[bFrom + k + 2];
      s3 += a[aFrom + k + 3] * b[bFrom + k + 3];
    }
    for (; k < length; k++) {
      s0 += a[aFrom + k] * b[bFrom + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GloveModel that
        && dimension == that.dimension
        && Arrays.equals(word, that.word)
        && Arrays.equals(context, that.context)
        && Arrays.equals(wordBias, that.wordBias)
        && Arrays.equals(contextBias, that.contextBias);
  }

  @Override
  public int hashCode() {
    int hash = Arrays.hashCode(word);
    hash = 31 * hash + Arrays.hashCode(context);
    hash = 31 * hash + Arrays.hashCode(wordBias);
    return 31 * hash + Arrays.hashCode(contextBias);
  }

  @Override
  public String toString() {
    return "GloveModel{vocabularySize=" + vocabularySize + ", dimension=" + dimension + "}";
  }

  private void checkToken(int i) {
    checkArgument(
        i >= 0 && i < vocabularySize,
        "glove model: token %s is outside 0..%s",
        i,
        vocabularySize - 1);
  }

  private static double[] flatten(String what, double[][] rows, int d) {
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      checkArgument(
          rows[i].length == d,
          "glove model: %s %s has %s values, expected %s like word vector 0",
          what,
          i,
          rows[i].length,
          d);
      for (int k = 0; k < d; k++) {
        checkArgument(
            Double.isFinite(rows[i][k]),
            "glove model: %s %s value %s is not finite: %s",
            what,
            i,
            k,
            rows[i][k]);
      }
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return flat;
  }

  private static double[] checkFinite(String what, double[] values) {
    for (int n = 0; n < values.length; n++) {
      checkArgument(
          Double.isFinite(values[n]),
          "glove model: %s value %s is not finite: %s",
          what,
          n,
          values[n]);
    }
    return values;
  }
}
