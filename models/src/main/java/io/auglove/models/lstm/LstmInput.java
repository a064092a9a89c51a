package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.ActionUnits;

/**
 * What the LSTM reads at each step of a sample: the paper's three inputs (Section IV-B).
 *
 * <ul>
 *   <li>{@link Aus}: the 17 raw AU intensities of the frame ({@code Sample.aus()}), as OpenFace
 *       reports them, unscaled;
 *   <li>{@link RandomEmbedding}: the frame's token id ({@code Sample.tokenIds()}) through a
 *       trainable embedding initialised at random ("LSTM + Cluster labels");
 *   <li>{@link PretrainedEmbedding}: the token id through an embedding initialised from a table,
 *       the bundle's GloVe vectors by vocabulary index ("LSTM + Cluster embeddings"); trainable
 *       unless frozen, since the paper initialises the embeddings with the vectors rather than
 *       fixing them.
 * </ul>
 */
public sealed interface LstmInput
    permits LstmInput.Aus, LstmInput.RandomEmbedding, LstmInput.PretrainedEmbedding {

  /** Embedding size of {@link #randomEmbedding(int)}: the LSTM's width each way, 32. */
  int DEFAULT_EMBEDDING_SIZE = 32;

  /** The raw AU intensities. */
  static LstmInput aus() {
    return new Aus();
  }

  /**
   * Token ids 0..vocabularySize-1 through a random embedding of {@value #DEFAULT_EMBEDDING_SIZE}.
   */
  static LstmInput randomEmbedding(int vocabularySize) {
    return new RandomEmbedding(vocabularySize, DEFAULT_EMBEDDING_SIZE);
  }

  /** Token ids 0..vocabularySize-1 through a random embedding of {@code embeddingSize}. */
  static LstmInput randomEmbedding(int vocabularySize, int embeddingSize) {
    return new RandomEmbedding(vocabularySize, embeddingSize);
  }

  /** Token ids through a trainable embedding that starts as {@code table} (row = token id). */
  static LstmInput pretrained(float[][] table) {
    return new PretrainedEmbedding(table, false);
  }

  /** Token ids through an embedding that starts as {@code table}; fixed if {@code frozen}. */
  static LstmInput pretrained(float[][] table, boolean frozen) {
    return new PretrainedEmbedding(table, frozen);
  }

  /** Features the LSTM reads per step. */
  int features();

  /** Whether the input is token ids (else AU intensities). */
  boolean readsTokens();

  /** The model's row name in the paper's tables, for example {@code LSTM + AU}. */
  String modelName();

  /** The 17 raw AU intensities of each frame. */
  record Aus() implements LstmInput {

    @Override
    public int features() {
      return ActionUnits.COUNT;
    }

    @Override
    public boolean readsTokens() {
      return false;
    }

    @Override
    public String modelName() {
      return "LSTM + AU";
    }
  }

  /**
   * Token ids through a trainable embedding whose entries start independent N(0, 1), as PyTorch's
   * {@code nn.Embedding} starts.
   *
   * @param vocabularySize V: valid ids are 0..V-1
   * @param embeddingSize E, a hyper-parameter in the paper
   */
  record RandomEmbedding(int vocabularySize, int embeddingSize) implements LstmInput {

    public RandomEmbedding {
      checkArgument(vocabularySize >= 1, "lstm: vocabularySize must be at least 1");
      checkArgument(embeddingSize >= 1, "lstm: embeddingSize must be at least 1");
    }

    @Override
    public int features() {
      return embeddingSize;
    }

    @Override
    public boolean readsTokens() {
      return true;
    }

    @Override
    public String modelName() {
      return "LSTM + Cluster labels";
    }
  }

  /**
   * Token ids through an embedding that starts as a table of vectors.
   *
   * @param table V × d vectors, row i for token id i; copied, every row of the same length d ≥ 1
   * @param frozen whether the embedding stays the table (else it trains with the rest)
   */
  record PretrainedEmbedding(float[][] table, boolean frozen) implements LstmInput {

    public PretrainedEmbedding {
      checkNotNull(table, "lstm: the embedding table is null");
      checkArgument(table.length >= 1, "lstm: the embedding table has no rows");
      int d = table[0].length;
      checkArgument(d >= 1, "lstm: the embedding table has no columns");
      float[][] copy = new float[table.length][];
      for (int i = 0; i < table.length; i++) {
        checkArgument(
            table[i].length == d,
            "lstm: row %s of the table has %s values, not %s",
            i,
            table[i].length,
            d);
        for (float value : table[i]) {
          checkArgument(Float.isFinite(value), "lstm: row %s of the table is not finite", i);
        }
        copy[i] = table[i].clone();
      }
      table = copy;
    }

    /** V, the number of rows. */
    public int vocabularySize() {
      return table.length;
    }

    /** d, the vectors' dimension. */
    public int dimension() {
      return table[0].length;
    }

    /** A copy of the table. */
    @Override
    public float[][] table() {
      float[][] copy = new float[table.length][];
      for (int i = 0; i < table.length; i++) {
        copy[i] = table[i].clone();
      }
      return copy;
    }

    /** Row-major V × d, the table as the embedding parameter holds it. */
    float[] rowMajor() {
      int d = dimension();
      float[] values = new float[table.length * d];
      for (int i = 0; i < table.length; i++) {
        System.arraycopy(table[i], 0, values, i * d, d);
      }
      return values;
    }

    @Override
    public int features() {
      return dimension();
    }

    @Override
    public boolean readsTokens() {
      return true;
    }

    @Override
    public String modelName() {
      return "LSTM + Cluster embeddings (d=" + dimension() + (frozen ? ", frozen)" : ")");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PretrainedEmbedding p
          && frozen == p.frozen
          && java.util.Arrays.deepEquals(table, p.table);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.deepHashCode(table) + Boolean.hashCode(frozen);
    }

    @Override
    public String toString() {
      return "PretrainedEmbedding["
          + table.length
          + " x "
          + dimension()
          + ", frozen "
          + frozen
          + "]";
    }
  }
}
