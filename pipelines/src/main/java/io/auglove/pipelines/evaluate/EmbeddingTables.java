package io.auglove.pipelines.evaluate;

import com.google.common.collect.ImmutableSortedMap;
import io.auglove.pipelines.bundle.VocabularyBundle;
import io.auglove.pipelines.features.TokenIndex;
import java.io.Serializable;
import java.util.List;

/**
 * What the token-reading BiLSTMs need from the bundle: the number of token ids and the GloVe tables
 * indexed by id. Only the trainings carry them.
 */
final class EmbeddingTables implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int tokenCount;
  private final ImmutableSortedMap<Integer, float[][]> tables;

  private EmbeddingTables(int tokenCount, ImmutableSortedMap<Integer, float[][]> tables) {
    this.tokenCount = tokenCount;
    this.tables = tables;
  }

  /** The tables of {@code dimensions}, which the bundle must have. */
  static EmbeddingTables of(VocabularyBundle bundle, List<Integer> dimensions) {
    TokenIndex index = TokenIndex.of(bundle.vocabulary());
    ImmutableSortedMap.Builder<Integer, float[][]> tables = ImmutableSortedMap.naturalOrder();
    for (int d : dimensions) {
      tables.put(d, index.table(bundle.embeddings().get(d)));
    }
    return new EmbeddingTables(index.size(), tables.build());
  }

  /** Token ids: the vocabulary's and one for tokens outside it. */
  int tokenCount() {
    return tokenCount;
  }

  /** The table of dimension {@code d}: row i is the vector of id i. */
  float[][] table(int dimension) {
    return tables.get(dimension);
  }
}
