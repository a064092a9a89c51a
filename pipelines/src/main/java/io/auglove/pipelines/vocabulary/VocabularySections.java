package io.auglove.pipelines.vocabulary;

import com.google.common.collect.ImmutableList;
import io.auglove.models.Centroids;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.ManifestSections;
import io.auglove.transforms.ChooseK;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.FileReport;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The DoFns that turn the vocabulary pipeline's results into manifest sections, {@code (name,
 * JSON)}.
 */
final class VocabularySections {

  private VocabularySections() {}

  /** "input" and "quality", from every file's report. */
  static final class QualityFn extends DoFn<String, KV<String, String>> {
    private final PCollectionView<List<FileReport>> reports;
    private final ImmutableList<String> patterns;

    QualityFn(PCollectionView<List<FileReport>> reports, List<String> patterns) {
      this.reports = reports;
      this.patterns = ImmutableList.copyOf(patterns);
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<FileReport> all = context.sideInput(reports);
      context.output(KV.of("input", Json.write(ManifestSections.input(patterns, all))));
      context.output(KV.of("quality", Json.write(ManifestSections.quality(all))));
    }
  }

  /** "kmeans" and the fits' durations, from the sweep's choice. */
  static final class KMeansFn extends DoFn<ChooseK.Choice, KV<String, String>> {
    @ProcessElement
    public void process(@Element ChooseK.Choice choice, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of("kmeans", Json.write(ManifestSections.kmeans(choice))));
      out.output(KV.of("run.kmeans_seconds", Json.write(ManifestSections.kmeansSeconds(choice))));
    }
  }

  /** "vocabulary" and "cooccurrence", from the assignment statistics and the matrix. */
  static final class VocabularyFn extends DoFn<AssignmentStats, KV<String, String>> {
    private final PCollectionView<CooccurrenceMatrix> matrix;
    private final PCollectionView<Centroids> centroids;
    private final double distanceThreshold;
    private final long countThreshold;
    private final String countsFrom;
    private final int window;
    private final String weighting;

    VocabularyFn(
        PCollectionView<CooccurrenceMatrix> matrix,
        PCollectionView<Centroids> centroids,
        VocabularySettings settings) {
      this.matrix = matrix;
      this.centroids = centroids;
      this.distanceThreshold = settings.distanceThreshold;
      this.countThreshold = settings.countThreshold;
      this.countsFrom = settings.countsSource == null ? "corpus" : settings.countsSource;
      this.window = settings.window;
      this.weighting = VocabularySettings.name(settings.weighting);
    }

    @ProcessElement
    public void process(@Element AssignmentStats stats, ProcessContext context) {
      CooccurrenceMatrix m = context.sideInput(matrix);
      int k = context.sideInput(centroids).k();
      context.output(
          KV.of(
              "vocabulary",
              Json.write(
                  ManifestSections.vocabulary(
                      stats, m, k, distanceThreshold, countThreshold, countsFrom))));
      context.output(
          KV.of("cooccurrence", Json.write(ManifestSections.cooccurrence(m, window, weighting))));
    }
  }

  /** "glove" and the trainings' durations, from every dimension's embedding. */
  static final class GloveFn extends DoFn<String, KV<String, String>> {
    private final PCollectionView<List<GloveFit.Embedding>> embeddings;
    private final int epochs;
    private final long seed;

    GloveFn(PCollectionView<List<GloveFit.Embedding>> embeddings, int epochs, long seed) {
      this.embeddings = embeddings;
      this.epochs = epochs;
      this.seed = seed;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<GloveFit.Embedding> all = context.sideInput(embeddings);
      context.output(KV.of("glove", Json.write(ManifestSections.glove(all, epochs, seed))));
      context.output(KV.of("run.glove_seconds", Json.write(ManifestSections.gloveSeconds(all))));
    }
  }
}
