package io.auglove.pipelines.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import io.auglove.models.Centroids;
import io.auglove.transforms.ChooseK;
import io.auglove.transforms.Completion;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a vocabulary bundle (see {@link BundleFiles}) into a folder from the vocabulary pipeline's
 * results, given as a {@link PCollectionTuple} under this class's tags: every file, each emitting
 * its name and SHA-256, then {@code manifest.json}, written last, from the sections and file
 * hashes. Its output is one element, the manifest's path, once everything is written.
 *
 * <pre>{@code
 * PCollectionTuple.of(WriteBundle.CENTROIDS, centroids).and(WriteBundle.MATRIX, matrix)...
 *     .apply("WriteBundle", WriteBundle.to(folder, facts));
 * }</pre>
 */
public final class WriteBundle extends PTransform<PCollectionTuple, PCollection<String>> {

  private static final Logger LOG = LoggerFactory.getLogger(WriteBundle.class);

  /** The vocabulary's centres, one element. */
  public static final TupleTag<Centroids> CENTROIDS = new TupleTag<Centroids>() {};

  /** The k-means sweep's choice, one element; absent when the centres were given. */
  public static final TupleTag<ChooseK.Choice> SWEEP = new TupleTag<ChooseK.Choice>() {};

  /** The counts the {@code <unk>} rule used, one element. */
  public static final TupleTag<ClusterCounts> COUNTS = new TupleTag<ClusterCounts>() {};

  /** The assignment's statistics, one element. */
  public static final TupleTag<AssignmentStats> STATS = new TupleTag<AssignmentStats>() {};

  /** The co-occurrence matrix, one element. */
  public static final TupleTag<CooccurrenceMatrix> MATRIX = new TupleTag<CooccurrenceMatrix>() {};

  /** One embedding per GloVe dimension. */
  public static final TupleTag<GloveFit.Embedding> EMBEDDINGS =
      new TupleTag<GloveFit.Embedding>() {};

  /** One report per input file. */
  public static final TupleTag<FileReport> REPORTS = new TupleTag<FileReport>() {};

  /** The rejected rows. */
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<RejectedRow>() {};

  private static final KvCoder<String, String> PAIRS =
      KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  /**
   * What the manifest says that the pipeline's results do not: the parameters (as JSON), the
   * warnings known before the run, the input as given and what a folder input skipped, where the
   * {@code <unk>} counts came from, the settings its sections describe, the given centres' section
   * (JSON, or null when fitted) and the runner.
   */
  public record Facts(
      String parametersJson,
      ImmutableList<String> warnings,
      ImmutableList<String> patterns,
      String skippedJson,
      String countsFrom,
      double distanceThreshold,
      long countThreshold,
      double maxUnknownShare,
      int window,
      String weighting,
      int epochs,
      long seed,
      String givenCentroidsJson,
      String runner)
      implements Serializable {}

  private final String folder;
  private final Facts facts;

  private WriteBundle(String folder, Facts facts) {
    this.folder = folder;
    this.facts = facts;
  }

  /** Writes the bundle into {@code folder} (local or gs://). */
  public static WriteBundle to(String folder, Facts facts) {
    return new WriteBundle(folder, facts);
  }

  @Override
  public PCollection<String> expand(PCollectionTuple parts) {
    Pipeline pipeline = parts.getPipeline();
    List<PCollection<KV<String, String>>> files = new ArrayList<>();
    List<PCollection<KV<String, String>>> sections = new ArrayList<>();

    PCollection<Centroids> centroids = parts.get(CENTROIDS);
    PCollection<CooccurrenceMatrix> matrix = parts.get(MATRIX);
    PCollectionView<Centroids> centroidsView = centroids.apply("CentroidsView", View.asSingleton());
    PCollectionView<ClusterCounts> countsView =
        parts.get(COUNTS).apply("CountsView", View.asSingleton());
    PCollectionView<CooccurrenceMatrix> matrixView = matrix.apply("MatrixView", View.asSingleton());
    PCollectionView<List<FileReport>> reportsView =
        parts.get(REPORTS).apply("ReportsView", View.asList());
    PCollectionView<List<GloveFit.Embedding>> embeddingsView =
        parts.get(EMBEDDINGS).apply("EmbeddingsView", View.asList());
    PCollection<RejectedRow> rejected =
        parts
            .get(REJECTED)
            .apply(
                "WithoutRawText",
                MapElements.into(TypeDescriptor.of(RejectedRow.class))
                    .via(r -> RejectedRow.of(r.file(), r.line(), r.reason(), r.detail(), "")))
            .setCoder(RejectedRow.Coder.of());
    PCollectionView<List<RejectedRow>> rejectedView = rejected.apply("RejectedView", View.asList());

    if (parts.has(SWEEP)) {
      PCollection<ChooseK.Choice> sweep = parts.get(SWEEP);
      files.add(
          sweep
              .apply("WriteElbow", ParDo.of(new BundleWriters.WriteElbowFn(folder)))
              .setCoder(PAIRS));
      sections.add(sweep.apply("KMeansSection", ParDo.of(new KMeansFn())).setCoder(PAIRS));
    } else {
      sections.add(constant(pipeline, "KMeansSection", "kmeans", facts.givenCentroidsJson()));
    }
    files.add(
        Completion.after("CentroidsTrigger", centroids, parts.get(COUNTS))
            .apply(
                "WriteCentroids",
                ParDo.of(new BundleWriters.WriteCentroidsFn(folder, centroidsView, countsView))
                    .withSideInputs(centroidsView, countsView))
            .setCoder(PAIRS));
    files.add(
        matrix
            .apply("WriteVocabulary", ParDo.of(new BundleWriters.WriteVocabularyFn(folder)))
            .setCoder(PAIRS));
    files.add(
        parts
            .get(EMBEDDINGS)
            .apply("WriteEmbeddings", ParDo.of(new BundleWriters.WriteEmbeddingFn(folder)))
            .setCoder(PAIRS));
    files.add(
        Completion.after("RejectedTrigger", rejected)
            .apply(
                "WriteRejected",
                ParDo.of(new BundleWriters.WriteRejectedFn(folder, rejectedView))
                    .withSideInputs(rejectedView))
            .setCoder(PAIRS));

    sections.add(constant(pipeline, "ParametersSection", "parameters", facts.parametersJson()));
    sections.add(
        constant(
            pipeline,
            "RunSection",
            "run.started",
            Json.write(TextNode.valueOf(Instant.now().toString()))));
    sections.add(
        constant(
            pipeline, "RunnerSection", "run.runner", Json.write(TextNode.valueOf(facts.runner()))));
    sections.add(
        Completion.after("QualityTrigger", parts.get(REPORTS))
            .apply(
                "QualitySections",
                ParDo.of(new QualityFn(reportsView, facts)).withSideInputs(reportsView))
            .setCoder(PAIRS));
    sections.add(
        parts
            .get(STATS)
            .apply(
                "VocabularySections",
                ParDo.of(new VocabularyFn(matrixView, centroidsView, facts))
                    .withSideInputs(matrixView, centroidsView))
            .setCoder(PAIRS));
    sections.add(
        Completion.after("GloveTrigger", parts.get(EMBEDDINGS))
            .apply(
                "GloveSections",
                ParDo.of(new GloveFn(embeddingsView, facts.epochs(), facts.seed()))
                    .withSideInputs(embeddingsView))
            .setCoder(PAIRS));

    PCollection<KV<String, String>> allFiles =
        PCollectionList.of(files).apply("AllFiles", Flatten.pCollections());
    PCollection<KV<String, String>> allSections =
        PCollectionList.of(sections).apply("AllSections", Flatten.pCollections());
    PCollectionView<Map<String, String>> filesView = allFiles.apply("FilesView", View.asMap());
    PCollectionView<Map<String, String>> sectionsView =
        allSections.apply("SectionsView", View.asMap());
    return Completion.after("ManifestTrigger", allFiles, allSections)
        .apply(
            "WriteManifest",
            ParDo.of(new Manifest.WriteManifestFn(folder, sectionsView, filesView))
                .withSideInputs(sectionsView, filesView))
        .setCoder(StringUtf8Coder.of());
  }

  private static PCollection<KV<String, String>> constant(
      Pipeline pipeline, String step, String name, String json) {
    return pipeline.apply(step, Create.of(KV.of(name, json)).withCoder(PAIRS));
  }

  /** "input" and "quality", from every file's report. */
  static final class QualityFn extends DoFn<String, KV<String, String>> {
    private final PCollectionView<List<FileReport>> reports;
    private final Facts facts;

    QualityFn(PCollectionView<List<FileReport>> reports, Facts facts) {
      this.reports = reports;
      this.facts = facts;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<FileReport> all = context.sideInput(reports);
      context.output(
          KV.of(
              "input",
              Json.write(ManifestSections.input(facts.patterns(), facts.skippedJson(), all))));
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

  /**
   * "vocabulary", "cooccurrence" and "warnings" (those known before the run, and a {@code <unk>}
   * share above the limit), from the assignment statistics and the matrix.
   */
  static final class VocabularyFn extends DoFn<AssignmentStats, KV<String, String>> {
    private final PCollectionView<CooccurrenceMatrix> matrix;
    private final PCollectionView<Centroids> centroids;
    private final Facts facts;

    VocabularyFn(
        PCollectionView<CooccurrenceMatrix> matrix,
        PCollectionView<Centroids> centroids,
        Facts facts) {
      this.matrix = matrix;
      this.centroids = centroids;
      this.facts = facts;
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
                      stats,
                      m,
                      k,
                      facts.distanceThreshold(),
                      facts.countThreshold(),
                      facts.countsFrom()))));
      context.output(
          KV.of(
              "cooccurrence",
              Json.write(ManifestSections.cooccurrence(m, facts.window(), facts.weighting()))));
      ArrayNode warnings = Json.object().arrayNode();
      facts.warnings().forEach(warnings::add);
      String unknown = unknownShareWarning(stats, facts);
      if (unknown != null) {
        LOG.warn(unknown);
        warnings.add(unknown);
      }
      context.output(KV.of("warnings", Json.write(warnings)));
    }
  }

  /** The warning for a {@code <unk>} share above the limit, or null. */
  static String unknownShareWarning(AssignmentStats stats, Facts facts) {
    double share = stats.unknownShare();
    if (!(share > facts.maxUnknownShare())) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%.1f%% of the %d frames became <unk> (%d further than --distanceThreshold=%s from their"
            + " centre, %d in clusters of at most --countThreshold=%d frames), above"
            + " --maxUnknownShare=%s: the vocabulary describes little of this corpus; for a corpus"
            + " this size, lower --countThreshold or raise --distanceThreshold",
        100 * share,
        stats.frames(),
        stats.unknownByDistance(),
        facts.distanceThreshold(),
        stats.unknownByCount(),
        facts.countThreshold(),
        facts.maxUnknownShare());
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
