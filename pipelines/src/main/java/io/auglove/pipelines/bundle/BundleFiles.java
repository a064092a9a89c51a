package io.auglove.pipelines.bundle;

/** The names of the files of a vocabulary bundle. */
public final class BundleFiles {

  /** Every parameter, seed, input fingerprint, count, quality report and software version. */
  public static final String MANIFEST = "manifest.json";

  /** The k centres: {@code cluster_id} and the 17 AU columns; an empty centre has empty values. */
  public static final String CENTROIDS = "centroids.csv";

  /** {@code cluster_id,count}: frames per cluster, as the {@code <unk>} count rule saw them. */
  public static final String CLUSTER_COUNTS = "cluster_counts.csv";

  /** {@code token, index, count}, tab-separated, in index order. */
  public static final String VOCABULARY = "vocab.tsv";

  /** The sparse co-occurrence matrix: {@code row_index, column_index, value}, tab-separated. */
  public static final String COOCCURRENCE = "cooccurrence.tsv";

  /** The elbow table: one row per k of the sweep. */
  public static final String ELBOW_TABLE = "elbow.csv";

  /** The elbow curve with the knee and the chosen k marked. */
  public static final String ELBOW_PLOT = "elbow.png";

  /** Rows the reader refused: {@code file, line, reason, detail}. */
  public static final String REJECTED = "rejected.csv";

  private BundleFiles() {}

  /** The GloVe text file of dimension {@code d}: {@code embeddings-d25.txt}. */
  public static String embeddings(int dimension) {
    return "embeddings-d" + dimension + ".txt";
  }
}
