package io.auglove.pipelines.featurize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.auglove.pipelines.bundle.BundleWriters;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Manifest;
import io.auglove.pipelines.bundle.ManifestSections;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.bundle.VocabularyBundle;
import io.auglove.pipelines.vocabulary.InputFiles;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The featurize pipeline: OpenFace CSVs and a vocabulary bundle to per-sequence tokens, token ids
 * and AU intensities ({@code sequences-*.tsv}, see {@link FeatureRows}), the bundle's embeddings as
 * id-indexed NumPy tables ({@code embeddings-d50.npy}: row i is the vector of id i), the per-file
 * quality report ({@code quality.json}) and the rejected rows ({@code rejected.csv}).
 */
public final class FeaturizePipeline {

  /** Prefix of the sharded sequence files. */
  public static final String SEQUENCES = "sequences";

  /** The quality report's file. */
  public static final String QUALITY = "quality.json";

  private FeaturizePipeline() {}

  /** The embedding table file of dimension {@code d}. */
  public static String embeddingTable(int dimension) {
    return "embeddings-d" + dimension + ".npy";
  }

  /**
   * Reads the bundle, writes its embedding tables and builds the pipeline, without running it.
   *
   * @throws IllegalArgumentException with a one-line reason if the bundle or input is bad
   * @throws IOException if the bundle cannot be read
   */
  public static Pipeline create(FeaturizeOptions options) throws IOException {
    VocabularyBundle bundle = VocabularyBundle.read(options.getFeaturizeBundle());
    List<String> patterns = InputFiles.patterns(options.getFeaturizeInput());
    String output = options.getFeaturizeOutput();
    TokenIndex index = TokenIndex.of(bundle.vocabulary());
    for (Map.Entry<Integer, float[][]> embedding : bundle.embeddings().entrySet()) {
      Paths.write(
          Paths.resolve(output, embeddingTable(embedding.getKey())),
          NpyFiles.float32(index.table(embedding.getValue())));
    }

    Pipeline pipeline = Pipeline.create(options);
    FeaturizeSteps.Featured featured = FeaturizeSteps.apply(pipeline, patterns, bundle);
    featured
        .features()
        .apply(
            "FormatRows",
            MapElements.into(TypeDescriptors.strings())
                .via(sequence -> FeatureRows.format(sequence, index)))
        .apply(
            "WriteSequences",
            TextIO.write()
                .to(Paths.resolve(output, SEQUENCES))
                .withSuffix(".tsv")
                .withHeader(FeatureRows.HEADER));

    PCollectionView<List<FileReport>> reports =
        featured.reports().apply("ReportsView", View.asList());
    PCollectionView<AssignmentStats> stats =
        featured.stats().apply("StatsView", View.asSingleton());
    PCollectionView<List<RejectedRow>> rejected =
        featured.rejected().apply("RejectedView", View.asList());
    pipeline
        .apply("QualityTrigger", Create.of("quality").withCoder(StringUtf8Coder.of()))
        .apply(
            "WriteQuality",
            ParDo.of(new WriteQualityFn(output, patterns, bundle, reports, stats))
                .withSideInputs(reports, stats));
    pipeline
        .apply("RejectedTrigger", Create.of("rejected").withCoder(StringUtf8Coder.of()))
        .apply(
            "WriteRejected",
            ParDo.of(new BundleWriters.WriteRejectedFn(output, rejected)).withSideInputs(rejected));
    return pipeline;
  }

  /** Writes {@code quality.json}: the input files, their quality report and the assignment. */
  static final class WriteQualityFn extends DoFn<String, Void> {
    private final String output;
    private final ImmutableList<String> patterns;
    private final String bundlePath;
    private final ImmutableList<String> bundleProblems;
    private final PCollectionView<List<FileReport>> reports;
    private final PCollectionView<AssignmentStats> stats;

    WriteQualityFn(
        String output,
        List<String> patterns,
        VocabularyBundle bundle,
        PCollectionView<List<FileReport>> reports,
        PCollectionView<AssignmentStats> stats) {
      this.output = output;
      this.patterns = ImmutableList.copyOf(patterns);
      this.bundlePath = bundle.path();
      this.bundleProblems = bundle.problems();
      this.reports = reports;
      this.stats = stats;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<FileReport> all = context.sideInput(reports);
      AssignmentStats assignment = context.sideInput(stats);
      ObjectNode quality = Json.object();
      quality.set("software", Manifest.software());
      quality.put("bundle", bundlePath);
      ArrayNode problems = quality.putArray("bundle_problems");
      bundleProblems.forEach(problems::add);
      quality.set("input", ManifestSections.input(patterns, all));
      quality.set("quality", ManifestSections.quality(all));
      quality
          .putObject("assignment")
          .put("sequences", assignment.sequences())
          .put("frames", assignment.frames())
          .put("unk_by_distance", assignment.unknownByDistance())
          .put("unk_by_count", assignment.unknownByCount());
      Paths.write(Paths.resolve(output, QUALITY), Json.write(quality));
    }
  }
}
