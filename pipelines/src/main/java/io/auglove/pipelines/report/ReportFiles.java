package io.auglove.pipelines.report;

/** The names of the files of a report folder. */
final class ReportFiles {

  /** The page. */
  static final String PAGE = "report.html";

  static final String CORPUS = "corpus.png";
  static final String ELBOW = "elbow.png";
  static final String HEAT_MAP = "cluster-centres.png";
  static final String SIZES = "cluster-sizes.png";
  static final String GLOVE_LOSS = "glove-loss.png";
  static final String TIMELINE = "token-timeline.png";

  private ReportFiles() {}

  /** The PCA map of the embedding of dimension {@code d}. */
  static String pcaMap(int dimension) {
    return "map-pca-d" + dimension + ".png";
  }

  /** The t-SNE map of the embedding of dimension {@code d}. */
  static String tsneMap(int dimension) {
    return "map-tsne-d" + dimension + ".png";
  }
}
