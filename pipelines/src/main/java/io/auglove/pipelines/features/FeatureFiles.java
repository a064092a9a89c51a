package io.auglove.pipelines.features;

/** The names of the files of a featurize output folder. */
public final class FeatureFiles {

  /** The files written and their SHA-256s, written last: the folder's completion mark. */
  public static final String MANIFEST = "manifest.json";

  /** Prefix of the sharded sequence files ({@code sequences-00000-of-00004.tsv}). */
  public static final String SEQUENCES = "sequences";

  /** The quality report. */
  public static final String QUALITY = "quality.json";

  /** The rows the reader rejected. */
  public static final String REJECTED = "rejected.csv";

  private FeatureFiles() {}

  /** The embedding table file of dimension {@code d}: {@code embeddings-d50.npy}. */
  public static String embeddingTable(int dimension) {
    return "embeddings-d" + dimension + ".npy";
  }
}
