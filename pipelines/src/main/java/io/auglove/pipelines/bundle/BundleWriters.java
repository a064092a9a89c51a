package io.auglove.pipelines.bundle;

import io.auglove.models.Centroids;
import io.auglove.models.Tokens;
import io.auglove.models.Vocabulary;
import io.auglove.transforms.ChooseK;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.KMeansFit;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.RejectedRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the files of a bundle through Beam's file systems. Each writer returns, per file, its name
 * and the SHA-256 of what it wrote, so that the manifest, written last, can list them.
 */
public final class BundleWriters {

  private static final Logger LOG = LoggerFactory.getLogger(BundleWriters.class);

  private BundleWriters() {}

  /** Writes {@code centroids.csv} and {@code cluster_counts.csv}, a count for every centre. */
  static List<KV<String, String>> centroids(
      String bundle, Centroids centroids, ClusterCounts clusterCounts) {
    long[] padded = new long[centroids.k()];
    for (int c = 0; c < Math.min(padded.length, clusterCounts.k()); c++) {
      padded[c] = clusterCounts.count(c);
    }
    return List.of(
        write(bundle, BundleFiles.CENTROIDS, CentroidsFiles.centroidsText(centroids)),
        write(
            bundle,
            BundleFiles.CLUSTER_COUNTS,
            CentroidsFiles.countsText(ClusterCounts.of(padded))));
  }

  /** Writes {@code vocab.tsv} and {@code cooccurrence.tsv}. */
  static List<KV<String, String>> vocabulary(String bundle, CooccurrenceMatrix matrix) {
    Vocabulary vocabulary = GloveFit.vocabulary(matrix);
    StringBuilder vocab = new StringBuilder("token\tindex\tcount\n");
    for (int i = 0; i < vocabulary.size(); i++) {
      vocab.append(vocabulary.token(i)).append('\t').append(i).append('\t');
      vocab.append(vocabulary.count(i)).append('\n');
    }
    return List.of(
        write(bundle, BundleFiles.VOCABULARY, vocab.toString()),
        write(bundle, BundleFiles.COOCCURRENCE, cooccurrenceText(matrix, vocabulary)));
  }

  /** Entries by row index then column index; whole counts without a decimal point. */
  static String cooccurrenceText(CooccurrenceMatrix matrix, Vocabulary vocabulary) {
    int[] rows = new int[matrix.size()];
    int[] columns = new int[matrix.size()];
    Integer[] order = new Integer[matrix.size()];
    for (int n = 0; n < matrix.size(); n++) {
      rows[n] = vocabulary.indexOf(matrix.row(n));
      columns[n] = vocabulary.indexOf(matrix.column(n));
      order[n] = n;
    }
    Arrays.sort(
        order, Comparator.<Integer>comparingInt(n -> rows[n]).thenComparingInt(n -> columns[n]));
    StringBuilder text = new StringBuilder("row_index\tcolumn_index\tvalue\n");
    for (int n : order) {
      text.append(rows[n]).append('\t').append(columns[n]).append('\t');
      text.append(
              matrix.scale() == 1
                  ? Long.toString(matrix.count(n))
                  : Double.toString(matrix.value(n)))
          .append('\n');
    }
    return text.toString();
  }

  /** Writes {@code embeddings-d<d>.txt} in GloVe's text format: the token, then its floats. */
  static KV<String, String> embedding(String bundle, GloveFit.Embedding embedding) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < embedding.size(); i++) {
      text.append(Tokens.text(embedding.code(i)));
      for (float value : embedding.vector(i)) {
        text.append(' ').append(value);
      }
      text.append('\n');
    }
    return write(bundle, BundleFiles.embeddings(embedding.dimension()), text.toString());
  }

  /** Writes {@code elbow.csv} and {@code elbow.png}. */
  static List<KV<String, String>> elbow(String bundle, ChooseK.Choice choice) {
    StringBuilder table =
        new StringBuilder("k,mean_distance,inertia,iterations,converged,frames,knee,chosen\n");
    for (KMeansFit.Fit fit : choice.fits()) {
      table.append(fit.k()).append(',').append(fit.meanDistance()).append(',');
      table.append(fit.inertia()).append(',').append(fit.iterations()).append(',');
      table.append(fit.converged()).append(',').append(fit.frames()).append(',');
      table.append(choice.knee().orElse(-1) == fit.k()).append(',');
      table.append(choice.chosen().k() == fit.k()).append('\n');
    }
    return List.of(
        write(bundle, BundleFiles.ELBOW_TABLE, table.toString()),
        KV.of(
            BundleFiles.ELBOW_PLOT,
            Paths.write(Paths.resolve(bundle, BundleFiles.ELBOW_PLOT), ElbowPlot.png(choice))));
  }

  /** Writes {@code rejected.csv}, sorted by file and line. */
  static KV<String, String> rejected(String bundle, Collection<RejectedRow> rows) {
    List<RejectedRow> sorted = new ArrayList<>(rows);
    sorted.sort(null);
    StringBuilder text = new StringBuilder("file,line,reason,detail\n");
    for (RejectedRow row : sorted) {
      text.append(Csv.field(row.file())).append(',').append(row.line()).append(',');
      text.append(row.reason().label()).append(',').append(Csv.field(row.detail())).append('\n');
    }
    return write(bundle, BundleFiles.REJECTED, text.toString());
  }

  /** Writes {@code rejected.csv} from a side input of the rows, once its main input comes. */
  public static final class WriteRejectedFn extends DoFn<String, KV<String, String>> {
    private final String bundle;
    private final PCollectionView<List<RejectedRow>> rejected;

    public WriteRejectedFn(String bundle, PCollectionView<List<RejectedRow>> rejected) {
      this.bundle = bundle;
      this.rejected = rejected;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      context.output(rejected(bundle, context.sideInput(rejected)));
    }
  }

  private static KV<String, String> write(String bundle, String name, String text) {
    String path = Paths.resolve(bundle, name);
    KV<String, String> written = KV.of(name, Paths.write(path, text));
    LOG.info("Wrote {} ({} characters)", path, text.length());
    return written;
  }
}
