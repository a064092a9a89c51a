package io.auglove.pipelines.vocabulary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.auglove.models.Centroids;
import io.auglove.pipelines.bundle.BundleWriters;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Manifest;
import io.auglove.pipelines.bundle.ManifestSections;
import io.auglove.transforms.AssignCluster;
import io.auglove.transforms.ChooseK;
import io.auglove.transforms.Downsample5fps;
import io.auglove.transforms.FilterConfidence;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.KMeansFit;
import io.auglove.transforms.MergeReports;
import io.auglove.transforms.ReadOpenFace;
import io.auglove.transforms.WindowCooccur;
import io.auglove.transforms.records.CentroidsCoder;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import io.auglove.transforms.records.Track;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The vocabulary pipeline: OpenFace CSVs -> ReadOpenFace -> FilterConfidence -> Downsample5fps ->
 * KMeansFit (a sweep of k, the elbow's knee chosen) or given centres -> AssignCluster ->
 * WindowCooccur -> GloveFit -> a vocabulary bundle (see {@link
 * io.auglove.pipelines.bundle.BundleFiles}), its manifest written last.
 */
public final class VocabularyPipeline {

  private static final KvCoder<String, String> PAIRS =
      KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  private VocabularyPipeline() {}

  /**
   * Checks {@code options}, builds the pipeline and starts it.
   *
   * @throws IllegalArgumentException with a one-line reason if an option is bad
   * @throws IOException if given centres or counts cannot be read
   */
  public static PipelineResult run(VocabularyOptions options) throws IOException {
    return create(options).run();
  }

  /**
   * Checks {@code options} and builds the pipeline, without running it (to inspect or translate
   * it).
   *
   * @throws IllegalArgumentException with a one-line reason if an option is bad
   * @throws IOException if given centres or counts cannot be read
   */
  public static Pipeline create(VocabularyOptions options) throws IOException {
    VocabularySettings settings = VocabularySettings.from(options);
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, settings, options.getRunner().getSimpleName());
    return pipeline;
  }

  /** Adds the vocabulary pipeline of {@code settings} to {@code pipeline}. */
  static void build(Pipeline pipeline, VocabularySettings settings, String runner) {
    String bundle = settings.output;
    List<PCollection<KV<String, String>>> files = new ArrayList<>();
    List<PCollection<KV<String, String>>> sections = new ArrayList<>();

    PCollectionTuple read = pipeline.apply("ReadOpenFace", ReadOpenFace.from(settings.patterns));
    PCollectionTuple filtered =
        read.get(ReadOpenFace.tracksTag())
            .apply("FilterConfidence", FilterConfidence.atLeast(settings.minConfidence));
    PCollectionTuple sampled =
        filtered
            .get(FilterConfidence.tracksTag())
            .apply("Downsample5fps", Downsample5fps.create().withMaxGap(settings.maxGapSeconds));
    PCollection<Track> sequences = sampled.get(Downsample5fps.tracksTag());
    PCollection<FileReport> reports =
        PCollectionList.of(read.get(ReadOpenFace.reportsTag()))
            .and(filtered.get(FilterConfidence.reportsTag()))
            .and(sampled.get(Downsample5fps.reportsTag()))
            .apply("ReportPerFile", MergeReports.perFile());

    PCollection<Centroids> centroids;
    if (settings.centroidsGiven()) {
      centroids =
          pipeline.apply(
              "GivenCentroids", Create.of(settings.centroids).withCoder(CentroidsCoder.of()));
      sections.add(
          constant(
              pipeline,
              "KMeansSection",
              "kmeans",
              Json.write(
                  ManifestSections.givenCentroids(settings.centroidsSource, settings.centroids))));
    } else {
      PCollection<ChooseK.Choice> choice =
          sequences
              .apply(
                  "KMeansFit",
                  KMeansFit.forK(settings.ks)
                      .withSeed(settings.seed)
                      .withMaxIterations(settings.maxIterations)
                      .withTolerance(settings.tolerance)
                      .withInitSampleSize(settings.initSampleSize)
                      .withCentroidUpdate(settings.centroidUpdate)
                      .withMaxFrames(settings.maxFitFrames))
              .apply(
                  "ChooseK",
                  settings.vocabK == 0 ? ChooseK.byElbow() : ChooseK.fixed(settings.vocabK));
      centroids =
          choice
              .apply(
                  "ChosenCentroids",
                  MapElements.into(TypeDescriptor.of(Centroids.class))
                      .via((ChooseK.Choice c) -> c.chosen().centroids()))
              .setCoder(CentroidsCoder.of());
      files.add(
          choice
              .apply("WriteElbow", ParDo.of(new BundleWriters.WriteElbowFn(bundle)))
              .setCoder(PAIRS));
      sections.add(
          choice
              .apply("KMeansSection", ParDo.of(new VocabularySections.KMeansFn()))
              .setCoder(PAIRS));
    }
    PCollectionView<Centroids> centroidsView = centroids.apply("CentroidsView", View.asSingleton());

    AssignCluster assign =
        AssignCluster.to(centroidsView)
            .withDistanceThreshold(settings.distanceThreshold)
            .withCountThreshold(settings.countThreshold);
    PCollectionTuple assigned =
        sequences.apply(
            "AssignCluster", settings.counts == null ? assign : assign.withCounts(settings.counts));
    PCollection<CooccurrenceMatrix> matrix =
        assigned
            .get(AssignCluster.tokensTag())
            .apply(
                "WindowCooccur",
                WindowCooccur.create()
                    .withWindow(settings.window)
                    .withWeighting(settings.weighting));
    PCollection<GloveFit.Embedding> embeddings =
        matrix.apply(
            "GloveFit",
            GloveFit.create()
                .withDimensions(settings.dimensions)
                .withEpochs(settings.epochs)
                .withSeed(settings.seed));

    PCollectionView<ClusterCounts> countsView =
        assigned.get(AssignCluster.countsTag()).apply("CountsView", View.asSingleton());
    PCollectionView<CooccurrenceMatrix> matrixView = matrix.apply("MatrixView", View.asSingleton());
    PCollectionView<List<FileReport>> reportsView = reports.apply("ReportsView", View.asList());
    PCollectionView<List<GloveFit.Embedding>> embeddingsView =
        embeddings.apply("EmbeddingsView", View.asList());
    PCollectionView<List<RejectedRow>> rejectedView =
        read.get(ReadOpenFace.rejectedTag())
            .apply(
                "WithoutRawText",
                MapElements.into(TypeDescriptor.of(RejectedRow.class))
                    .via(r -> RejectedRow.of(r.file(), r.line(), r.reason(), r.detail(), "")))
            .setCoder(RejectedRow.Coder.of())
            .apply("RejectedView", View.asList());

    files.add(
        centroids
            .apply(
                "WriteCentroids",
                ParDo.of(new BundleWriters.WriteCentroidsFn(bundle, countsView))
                    .withSideInputs(countsView))
            .setCoder(PAIRS));
    files.add(
        matrix
            .apply("WriteVocabulary", ParDo.of(new BundleWriters.WriteVocabularyFn(bundle)))
            .setCoder(PAIRS));
    files.add(
        embeddings
            .apply("WriteEmbeddings", ParDo.of(new BundleWriters.WriteEmbeddingFn(bundle)))
            .setCoder(PAIRS));
    files.add(
        trigger(pipeline, "Rejected")
            .apply(
                "WriteRejected",
                ParDo.of(new BundleWriters.WriteRejectedFn(bundle, rejectedView))
                    .withSideInputs(rejectedView))
            .setCoder(PAIRS));

    sections.add(
        constant(pipeline, "ParametersSection", "parameters", Json.write(settings.toJson())));
    ArrayNode warnings = Json.object().arrayNode();
    settings.warnings.forEach(warnings::add);
    sections.add(constant(pipeline, "WarningsSection", "warnings", Json.write(warnings)));
    sections.add(
        constant(
            pipeline,
            "RunSection",
            "run.started",
            Json.write(TextNode.valueOf(Instant.now().toString()))));
    sections.add(
        constant(pipeline, "RunnerSection", "run.runner", Json.write(TextNode.valueOf(runner))));
    sections.add(
        trigger(pipeline, "Quality")
            .apply(
                "QualitySections",
                ParDo.of(new VocabularySections.QualityFn(reportsView, settings.patterns))
                    .withSideInputs(reportsView))
            .setCoder(PAIRS));
    sections.add(
        assigned
            .get(AssignCluster.statsTag())
            .apply(
                "VocabularySections",
                ParDo.of(new VocabularySections.VocabularyFn(matrixView, centroidsView, settings))
                    .withSideInputs(matrixView, centroidsView))
            .setCoder(PAIRS));
    sections.add(
        trigger(pipeline, "Glove")
            .apply(
                "GloveSections",
                ParDo.of(
                        new VocabularySections.GloveFn(
                            embeddingsView, settings.epochs, settings.seed))
                    .withSideInputs(embeddingsView))
            .setCoder(PAIRS));

    PCollectionView<Map<String, String>> filesView =
        PCollectionList.of(files)
            .apply("AllFiles", Flatten.pCollections())
            .apply("FilesView", View.asMap());
    PCollectionView<Map<String, String>> sectionsView =
        PCollectionList.of(sections)
            .apply("AllSections", Flatten.pCollections())
            .apply("SectionsView", View.asMap());
    trigger(pipeline, "Manifest")
        .apply(
            "WriteManifest",
            ParDo.of(new Manifest.WriteManifestFn(bundle, sectionsView, filesView))
                .withSideInputs(sectionsView, filesView));
  }

  /** A single element that starts a step whose real inputs are side inputs. */
  private static PCollection<String> trigger(Pipeline pipeline, String name) {
    return pipeline.apply(name + "Trigger", Create.of(name).withCoder(StringUtf8Coder.of()));
  }

  private static PCollection<KV<String, String>> constant(
      Pipeline pipeline, String step, String name, String json) {
    return pipeline.apply(step, Create.of(KV.of(name, json)).withCoder(PAIRS));
  }
}
