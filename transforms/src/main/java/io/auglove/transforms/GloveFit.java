package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Iterables;
import com.google.common.primitives.Doubles;
import io.auglove.models.Tokens;
import io.auglove.models.Vocabulary;
import io.auglove.models.glove.Cooccurrences;
import io.auglove.models.glove.Glove;
import io.auglove.models.glove.GloveResult;
import io.auglove.transforms.records.CooccurrenceMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Learns GloVe embeddings of the tokens of one co-occurrence matrix, for each requested dimension
 * (the paper's 25, 50, 100 and 200 by default): weighted least squares with f(x) = (x/100)^0.75
 * capped at 1, AdaGrad with learning rate 0.05, word and context vectors and biases, the embedding
 * being W + W~ (see {@link Glove}). Every dimension is its own element, trained from the same
 * matrix, so dimensions train in parallel where there are workers.
 *
 * <p>The vocabulary is the set of tokens that occur in the matrix, in {@link Vocabulary}'s order.
 * Output: one {@link Embedding} per dimension, with the vocabulary's token codes, the vectors and
 * the loss after each epoch.
 */
public final class GloveFit
    extends PTransform<PCollection<CooccurrenceMatrix>, PCollection<GloveFit.Embedding>> {

  /** The paper's dimensions. */
  public static final ImmutableList<Integer> PAPER_DIMENSIONS = ImmutableList.of(25, 50, 100, 200);

  /** Epochs unless told otherwise. */
  public static final int DEFAULT_EPOCHS = 50;

  private final ImmutableList<Integer> dimensions;
  private final int epochs;
  private final long seed;
  private final PCollection<?> signal;

  private GloveFit(
      ImmutableList<Integer> dimensions, int epochs, long seed, PCollection<?> signal) {
    this.dimensions = dimensions;
    this.epochs = epochs;
    this.seed = seed;
    this.signal = signal;
  }

  /** Embeddings of the paper's dimensions, 50 epochs, seed 0. */
  public static GloveFit create() {
    return new GloveFit(PAPER_DIMENSIONS, DEFAULT_EPOCHS, 0, null);
  }

  /** The same for {@code dimensions} (distinct, each at least 1). */
  public GloveFit withDimensions(List<Integer> dimensions) {
    checkArgument(!dimensions.isEmpty(), "dimensions must not be empty");
    for (int d : dimensions) {
      checkArgument(d >= 1, "every dimension must be at least 1, got %s", d);
    }
    checkArgument(
        dimensions.stream().distinct().count() == dimensions.size(),
        "dimensions must be distinct, got %s",
        dimensions);
    return new GloveFit(ImmutableList.sortedCopyOf(dimensions), epochs, seed, signal);
  }

  /** The same with {@code epochs} (at least 1) passes over the matrix. */
  public GloveFit withEpochs(int epochs) {
    checkArgument(epochs >= 1, "epochs must be at least 1, got %s", epochs);
    return new GloveFit(dimensions, epochs, seed, signal);
  }

  /** The same with {@code seed} for the initial vectors and the order of updates. */
  public GloveFit withSeed(long seed) {
    return new GloveFit(dimensions, epochs, seed, signal);
  }

  /**
   * The same, training only once {@code signal} is complete ({@link Completion}): a failure there,
   * such as an input check's, then stops the run before any training starts.
   */
  public GloveFit waitingOn(PCollection<?> signal) {
    return new GloveFit(dimensions, epochs, seed, checkNotNull(signal, "signal"));
  }

  /** The dimensions, in increasing order. */
  public ImmutableList<Integer> dimensions() {
    return dimensions;
  }

  @Override
  public PCollection<Embedding> expand(PCollection<CooccurrenceMatrix> matrix) {
    KvCoder<Integer, CooccurrenceMatrix> byDimension =
        KvCoder.of(VarIntCoder.of(), matrix.getCoder());
    PCollectionList<KV<Integer, CooccurrenceMatrix>> parts =
        PCollectionList.of(
            matrix
                .apply("PerDimension", ParDo.of(new PerDimensionFn(dimensions)))
                .setCoder(byDimension));
    if (signal != null) {
      parts = parts.and(Completion.nothingFrom("Signal", signal, byDimension));
    }
    // A group per dimension, which a runner gives once the matrix (and the signal) is complete,
    // each in its own bundle, so that the dimensions train in parallel.
    return parts
        .apply("MatrixAndSignal", Flatten.pCollections())
        .apply("ByDimension", GroupByKey.create())
        .apply("TrainEachDimension", ParDo.of(new TrainFn(epochs, seed)))
        .setCoder(new EmbeddingCoder());
  }

  /** The matrix once per dimension, keyed by the dimension. */
  static final class PerDimensionFn
      extends DoFn<CooccurrenceMatrix, KV<Integer, CooccurrenceMatrix>> {
    private final ImmutableList<Integer> dimensions;

    PerDimensionFn(ImmutableList<Integer> dimensions) {
      this.dimensions = dimensions;
    }

    @ProcessElement
    public void process(
        @Element CooccurrenceMatrix matrix, OutputReceiver<KV<Integer, CooccurrenceMatrix>> out) {
      for (int dimension : dimensions) {
        out.output(KV.of(dimension, matrix));
      }
    }
  }

  /** The vocabulary of a matrix: the tokens that occur, with their counts. */
  public static Vocabulary vocabulary(CooccurrenceMatrix matrix) {
    int[] codes = new int[matrix.tokenCount()];
    long[] counts = new long[matrix.tokenCount()];
    for (int t = 0; t < codes.length; t++) {
      codes[t] = matrix.token(t);
      counts[t] = matrix.occurrences(t);
    }
    return Vocabulary.of(codes, counts);
  }

  /** The matrix over the dense indices of {@code vocabulary}. */
  static Cooccurrences denseMatrix(CooccurrenceMatrix matrix, Vocabulary vocabulary) {
    int[] rows = new int[matrix.size()];
    int[] columns = new int[matrix.size()];
    double[] values = new double[matrix.size()];
    for (int n = 0; n < matrix.size(); n++) {
      rows[n] = vocabulary.indexOf(matrix.row(n));
      columns[n] = vocabulary.indexOf(matrix.column(n));
      values[n] = matrix.value(n);
    }
    return Cooccurrences.of(vocabulary.size(), rows, columns, values);
  }

  /** Trains one dimension, on the one matrix of its group. */
  static final class TrainFn extends DoFn<KV<Integer, Iterable<CooccurrenceMatrix>>, Embedding> {
    private final int epochs;
    private final long seed;

    private final BusyTime busy = new BusyTime(GloveFit.class);

    TrainFn(int epochs, long seed) {
      this.epochs = epochs;
      this.seed = seed;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<CooccurrenceMatrix>> group, OutputReceiver<Embedding> out) {
      int dimension = group.getKey();
      CooccurrenceMatrix matrix = Iterables.getOnlyElement(group.getValue());
      if (matrix.size() == 0) {
        throw new UnusableInputException(
            "GloVe needs co-occurrences, but the corpus gave none: no sequence reached the"
                + " vocabulary (check the quality report for files refused or frames filtered)");
      }
      Vocabulary vocabulary = vocabulary(matrix);
      long busyStart = BusyTime.start();
      long start = System.nanoTime();
      GloveResult result =
          Glove.builder()
              .setDimension(dimension)
              .optEpochs(epochs)
              .optSeed(seed)
              .build()
              .fit(denseMatrix(matrix, vocabulary));
      float[] vectors = new float[vocabulary.size() * dimension];
      int[] codes = new int[vocabulary.size()];
      for (int i = 0; i < vocabulary.size(); i++) {
        codes[i] = vocabulary.code(i);
        System.arraycopy(result.model().embedding(i), 0, vectors, i * dimension, dimension);
      }
      out.output(
          new Embedding(
              dimension,
              codes,
              vectors,
              Doubles.toArray(result.lossPerEpoch()),
              (System.nanoTime() - start) / 1e9));
      busy.stop(busyStart);
    }
  }

  /** The GloVe embedding of one dimension. Immutable. */
  public static final class Embedding {
    private final int dimension;
    private final int[] codes;
    private final float[] vectors;
    private final double[] lossPerEpoch;
    private final double seconds;

    Embedding(int dimension, int[] codes, float[] vectors, double[] lossPerEpoch, double seconds) {
      this.dimension = dimension;
      this.codes = codes;
      this.vectors = vectors;
      this.lossPerEpoch = lossPerEpoch;
      this.seconds = seconds;
    }

    public int dimension() {
      return dimension;
    }

    /** Number of tokens. */
    public int size() {
      return codes.length;
    }

    /** Token code of row {@code index}, in the vocabulary's order. */
    public int code(int index) {
      return codes[index];
    }

    /** The vector of row {@code index}: w + w~. */
    public float[] vector(int index) {
      return Arrays.copyOfRange(vectors, index * dimension, (index + 1) * dimension);
    }

    /** The mean loss J / nnz after each epoch. */
    public List<Double> lossPerEpoch() {
      return Doubles.asList(lossPerEpoch.clone());
    }

    /** Wall time of the training, in seconds (varies from run to run). */
    public double seconds() {
      return seconds;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Embedding that
          && dimension == that.dimension
          && Arrays.equals(codes, that.codes)
          && Arrays.equals(vectors, that.vectors)
          && Arrays.equals(lossPerEpoch, that.lossPerEpoch);
    }

    @Override
    public int hashCode() {
      return 31 * dimension + Arrays.hashCode(vectors);
    }

    @Override
    public String toString() {
      return "Embedding{d=" + dimension + ", " + codes.length + " tokens}";
    }
  }

  /** Coder of {@link Embedding}. */
  static final class EmbeddingCoder extends AtomicCoder<Embedding> {
    @Override
    public void encode(Embedding embedding, OutputStream out) throws IOException {
      VarInt.encode(embedding.dimension, out);
      VarInt.encode(embedding.codes.length, out);
      for (int code : embedding.codes) {
        VarInt.encode(code - Tokens.MIN_CODE, out);
      }
      ByteBuffer block = ByteBuffer.allocate(4 * embedding.vectors.length);
      block.asFloatBuffer().put(embedding.vectors);
      out.write(block.array());
      VarInt.encode(embedding.lossPerEpoch.length, out);
      for (double loss : embedding.lossPerEpoch) {
        DoubleCoder.of().encode(loss, out);
      }
      DoubleCoder.of().encode(embedding.seconds, out);
    }

    @Override
    public Embedding decode(InputStream in) throws IOException {
      int dimension = VarInt.decodeInt(in);
      int[] codes = new int[VarInt.decodeInt(in)];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = VarInt.decodeInt(in) + Tokens.MIN_CODE;
      }
      float[] vectors = new float[codes.length * dimension];
      byte[] bytes = in.readNBytes(4 * vectors.length);
      if (bytes.length != 4 * vectors.length) {
        throw new CoderException("embedding d=" + dimension + ": the stream ended early");
      }
      ByteBuffer.wrap(bytes).asFloatBuffer().get(vectors);
      double[] losses = new double[VarInt.decodeInt(in)];
      for (int i = 0; i < losses.length; i++) {
        losses[i] = DoubleCoder.of().decode(in);
      }
      return new Embedding(dimension, codes, vectors, losses, DoubleCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
