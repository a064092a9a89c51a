package io.auglove.pipelines.vocabulary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.auglove.models.Centroids;
import io.auglove.pipelines.bundle.CentroidsFiles;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.ManifestSections;
import io.auglove.pipelines.bundle.WriteBundle;
import io.auglove.pipelines.input.InputFiles;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.output.StagedOutput;
import io.auglove.pipelines.output.StagedRun;
import io.auglove.transforms.AssignCluster;
import io.auglove.transforms.ChooseK;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.InputCheck;
import io.auglove.transforms.KMeansFit;
import io.auglove.transforms.ReadSequences;
import io.auglove.transforms.WindowCooccur;
import io.auglove.transforms.records.CentroidsCoder;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The vocabulary pipeline: OpenFace CSVs -> ReadSequences (ReadOpenFace, FilterConfidence,
 * Downsample5fps) -> KMeansFit (a sweep of k, the elbow's knee chosen) or given centres ->
 * AssignCluster -> WindowCooccur -> GloveFit -> WriteBundle (see {@link
 * io.auglove.pipelines.bundle.BundleFiles}), its manifest written last.
 *
 * <pre>
 * java -cp auglove.jar io.auglove.pipelines.vocabulary.VocabularyPipeline \
 *   --input=gs://lab/openface --output=gs://lab/bundles/v1 --k=100,200,500 --runner=DataflowRunner
 * </pre>
 */
public final class VocabularyPipeline {

  private VocabularyPipeline() {}

  /** Parses {@code args} with Beam's parser, runs the pipeline and waits for it. */
  public static void main(String[] args) throws IOException {
    VocabularyOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(VocabularyOptions.class);
    Launch.finish(run(options));
  }

  /**
   * Builds the pipeline of {@code options} and starts it.
   *
   * @throws IllegalArgumentException with a one-line reason if an option is bad
   * @throws IOException if given centres or counts cannot be read
   */
  public static PipelineResult run(VocabularyOptions options) throws IOException {
    return StagedRun.run(options, output -> create(options, output));
  }

  /**
   * Builds the pipeline of {@code options} without running it (to inspect or translate it).
   *
   * @throws IllegalArgumentException with a one-line reason if an option is bad
   * @throws IOException if given centres or counts cannot be read
   */
  public static Pipeline create(VocabularyOptions options) throws IOException {
    return StagedRun.plan(options, output -> create(options, output));
  }

  /** Builds the pipeline of {@code options}, writing into {@code output}'s staging folder. */
  private static Pipeline create(VocabularyOptions options, StagedOutput output)
      throws IOException {
    Pipeline pipeline = Pipeline.create(options);
    InputFiles.Listing input = InputFiles.list(options.getInput());
    List<String> warnings = new ArrayList<>();
    Centroids given = givenCentroids(options, warnings);
    ClusterCounts givenCounts = givenCounts(options, given, warnings);

    PCollectionTuple read =
        pipeline.apply(
            "ReadSequences",
            ReadSequences.from(input.patterns())
                .withMinConfidence(options.getMinConfidence())
                .withMaxGapSeconds(options.getMaxGapSeconds())
                .withReadChunks(options.getReadChunkMegabytes()));
    PCollection<Track> sequences = read.get(ReadSequences.sequencesTag());
    PCollection<Integer> inputChecked =
        read.get(ReadSequences.reportsTag()).apply("InputCheck", InputCheck.ofReports());

    PCollectionTuple bundle = PCollectionTuple.empty(pipeline);
    PCollection<Centroids> centroids;
    if (given != null) {
      centroids = pipeline.apply("GivenCentroids", Create.of(given).withCoder(CentroidsCoder.of()));
    } else {
      PCollection<ChooseK.Choice> sweep =
          sequences
              .apply(
                  "KMeansFit",
                  KMeansFit.forK(options.getK())
                      .withSeed(options.getSeed())
                      .withMaxIterations(options.getMaxIterations())
                      .withTolerance(options.getTolerance())
                      .withInitSampleSize(options.getInitSampleSize())
                      .withCentroidUpdate(options.getCentroidUpdate())
                      .withMaxFitFrames(options.getMaxFitFrames())
                      .waitingOn(inputChecked))
              .apply(
                  "ChooseK",
                  options.getVocabK() == null
                      ? ChooseK.byElbow()
                      : ChooseK.fixed(options.getVocabK(), options.getK()));
      centroids =
          sweep
              .apply(
                  "ChosenCentroids",
                  MapElements.into(TypeDescriptor.of(Centroids.class))
                      .via((ChooseK.Choice c) -> c.chosen().centroids()))
              .setCoder(CentroidsCoder.of());
      bundle = bundle.and(WriteBundle.SWEEP, sweep);
    }
    PCollectionView<Centroids> centroidsView = centroids.apply("CentroidsView", View.asSingleton());

    AssignCluster assign =
        AssignCluster.to(centroidsView)
            .withDistanceThreshold(options.getDistanceThreshold())
            .withCountThreshold(options.getCountThreshold());
    PCollectionTuple assigned =
        sequences.apply(
            "AssignCluster", givenCounts == null ? assign : assign.withCounts(givenCounts));
    PCollection<CooccurrenceMatrix> matrix =
        assigned
            .get(AssignCluster.tokensTag())
            .apply(
                "WindowCooccur",
                WindowCooccur.create()
                    .withWindow(options.getWindow())
                    .withWeighting(options.getWeighting()));
    PCollection<GloveFit.Embedding> embeddings =
        matrix.apply(
            "GloveFit",
            GloveFit.create()
                .withDimensions(options.getDimensions())
                .withEpochs(options.getEpochs())
                .withSeed(options.getSeed())
                .waitingOn(inputChecked));

    bundle
        .and(WriteBundle.CENTROIDS, centroids)
        .and(WriteBundle.COUNTS, assigned.get(AssignCluster.countsTag()))
        .and(WriteBundle.STATS, assigned.get(AssignCluster.statsTag()))
        .and(WriteBundle.MATRIX, matrix)
        .and(WriteBundle.EMBEDDINGS, embeddings)
        .and(WriteBundle.REPORTS, read.get(ReadSequences.reportsTag()))
        .and(WriteBundle.REJECTED, read.get(ReadSequences.rejectedTag()))
        .apply(
            "WriteBundle",
            WriteBundle.to(output.stagingFolder(), facts(options, input, given, warnings)))
        .apply("Publish", ParDo.of(output.publishFn()));
    return pipeline;
  }

  /** The given centres, or null when they are fitted; an empty centre is a warning. */
  private static Centroids givenCentroids(VocabularyOptions options, List<String> warnings)
      throws IOException {
    String source = options.getCentroids();
    if (source == null) {
      return null;
    }
    Centroids centroids = CentroidsFiles.readCentroids(source);
    for (int c = 0; c < centroids.k(); c++) {
      if (centroids.isEmpty(c)) {
        warnings.add("centre " + c + " of " + source + " is empty: no frame can join it");
      }
    }
    return centroids;
  }

  /** The counts of {@code --counts}, or null; a cluster they do not list is a warning. */
  private static ClusterCounts givenCounts(
      VocabularyOptions options, Centroids given, List<String> warnings) throws IOException {
    String source = options.getCounts();
    if (source == null) {
      return null;
    }
    if (given == null) {
      throw new IllegalArgumentException(
          "--counts needs --centroids: counts belong to given centres");
    }
    CentroidsFiles.CountsFile file = CentroidsFiles.readCounts(source, given.k());
    if (!file.missing().isEmpty()) {
      warnings.add(
          source
              + " lists no count for cluster(s) "
              + file.missing()
              + ": they count 0, so their frames become <unk>");
    }
    return file.counts();
  }

  private static WriteBundle.Facts facts(
      VocabularyOptions options, InputFiles.Listing input, Centroids given, List<String> warnings) {
    return new WriteBundle.Facts(
        Json.write(parameters(options)),
        ImmutableList.copyOf(warnings),
        ImmutableList.of(options.getInput()),
        Json.write(ManifestSections.skipped(input.skipped())),
        options.getCounts() == null ? "corpus" : options.getCounts(),
        options.getDistanceThreshold(),
        options.getCountThreshold(),
        options.getMaxUnknownShare(),
        options.getWindow(),
        lowerCase(options.getWeighting()),
        options.getEpochs(),
        options.getSeed(),
        given == null
            ? null
            : Json.write(ManifestSections.givenCentroids(options.getCentroids(), given)),
        options.getRunner().getSimpleName());
  }

  /** Every setting, for the manifest's "parameters". */
  static ObjectNode parameters(VocabularyOptions o) {
    ObjectNode json = Json.object();
    json.put("input", o.getInput());
    json.put("output", o.getOutput());
    if (o.getCentroids() != null) {
      json.put("centroids", o.getCentroids());
      json.put("counts", o.getCounts());
    } else {
      ArrayNode kArray = json.putArray("k");
      o.getK().forEach(kArray::add);
      json.put("vocab_k", o.getVocabK() == null ? 0 : o.getVocabK());
      json.put("max_iterations", o.getMaxIterations());
      json.put("tolerance", o.getTolerance());
      json.put("init_sample_size", o.getInitSampleSize());
      json.put("max_fit_frames", o.getMaxFitFrames());
      json.put("centroid_update", lowerCase(o.getCentroidUpdate()));
    }
    json.put("seed", o.getSeed());
    json.put("min_confidence", o.getMinConfidence());
    json.put("max_gap_seconds", o.getMaxGapSeconds());
    json.put("distance_threshold", o.getDistanceThreshold());
    json.put("count_threshold", o.getCountThreshold());
    json.put("max_unknown_share", o.getMaxUnknownShare());
    json.put("window", o.getWindow());
    json.put("weighting", lowerCase(o.getWeighting()));
    ArrayNode dimensionArray = json.putArray("dimensions");
    o.getDimensions().forEach(dimensionArray::add);
    json.put("epochs", o.getEpochs());
    return json;
  }

  private static String lowerCase(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
