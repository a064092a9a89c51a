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
import io.auglove.pipelines.bundle.WriteManifestFn;
import io.auglove.pipelines.features.FeatureFiles;
import io.auglove.pipelines.features.FeatureRows;
import io.auglove.pipelines.features.FeaturizeSteps;
import io.auglove.pipelines.features.TokenIndex;
import io.auglove.pipelines.input.InputFiles;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.pipelines.output.StagedOutput;
import io.auglove.pipelines.output.StagedRun;
import io.auglove.transforms.Completion;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The featurize pipeline: OpenFace CSVs and a vocabulary bundle to per-sequence tokens, token ids
 * and AU intensities ({@code sequences-*.tsv}, see {@link FeatureRows}), the bundle's embeddings as
 * id-indexed NumPy tables ({@code embeddings-d50.npy}: row i is the vector of id i), the per-file
 * quality report ({@code quality.json}), the rejected rows ({@code rejected.csv}) and, last, {@code
 * manifest.json}: every file with its SHA-256, the shards included, so that a reader takes exactly
 * this run's files.
 */
public final class FeaturizePipeline {

  private static final KvCoder<String, String> PAIRS =
      KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  private FeaturizePipeline() {}

  /** Parses {@code args} with Beam's parser, runs the pipeline and waits for it. */
  public static void main(String[] args) throws IOException {
    FeaturizeOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(FeaturizeOptions.class);
    Launch.finish(run(options));
  }

  /**
   * Builds the pipeline of {@code options} and starts it.
   *
   * @throws IllegalArgumentException with a one-line reason if an option, the bundle or the input
   *     is bad
   * @throws IOException if the bundle cannot be read
   */
  public static PipelineResult run(FeaturizeOptions options) throws IOException {
    return StagedRun.run(options, output -> create(options, output));
  }

  /**
   * Reads the bundle and builds the pipeline, without running it (to inspect or translate it).
   *
   * @throws IllegalArgumentException with a one-line reason if the bundle or input is bad
   * @throws IOException if the bundle cannot be read
   */
  public static Pipeline create(FeaturizeOptions options) throws IOException {
    return StagedRun.plan(options, output -> create(options, output));
  }

  /** Builds the pipeline of {@code options}, writing into {@code staged}'s staging folder. */
  private static Pipeline create(FeaturizeOptions options, StagedOutput staged) throws IOException {
    VocabularyBundle bundle = VocabularyBundle.read(options.getBundle());
    InputFiles.Listing input = InputFiles.list(options.getInput());
    String output = staged.stagingFolder();
    TokenIndex index = TokenIndex.of(bundle.vocabulary());
    Map<Integer, float[][]> tables = new TreeMap<>();
    bundle.embeddings().forEach((d, rows) -> tables.put(d, index.table(rows)));

    Pipeline pipeline = Pipeline.create(options);
    FeaturizeSteps.Featured featured =
        FeaturizeSteps.apply(pipeline, input.patterns(), options.getReadChunkMegabytes(), bundle);
    PCollection<KV<String, String>> shards =
        featured
            .features()
            .apply(
                "FormatRows",
                MapElements.into(TypeDescriptors.strings())
                    .via(sequence -> FeatureRows.format(sequence, index)))
            .apply(
                "WriteSequences",
                TextIO.write()
                    .to(Paths.resolve(output, FeatureFiles.SEQUENCES))
                    .withSuffix(".tsv")
                    .withHeader(FeatureRows.HEADER)
                    .withOutputFilenames())
            .getPerDestinationOutputFilenames()
            .apply("ShardPaths", Values.create())
            .apply("HashShards", ParDo.of(new HashFileFn()))
            .setCoder(PAIRS);

    PCollectionView<List<FileReport>> reports =
        featured.reports().apply("ReportsView", View.asList());
    PCollectionView<AssignmentStats> stats =
        featured.stats().apply("StatsView", View.asSingleton());
    PCollectionView<List<RejectedRow>> rejected =
        featured.rejected().apply("RejectedView", View.asList());
    PCollection<KV<String, String>> quality =
        Completion.after("QualityTrigger", featured.reports(), featured.stats())
            .apply(
                "WriteQuality",
                ParDo.of(
                        new WriteQualityFn(
                            output, options.getInput(), input, bundle, reports, stats))
                    .withSideInputs(reports, stats))
            .setCoder(PAIRS);
    PCollection<KV<String, String>> rejectedFile =
        Completion.after("RejectedTrigger", featured.rejected())
            .apply(
                "WriteRejected",
                ParDo.of(new BundleWriters.WriteRejectedFn(output, rejected))
                    .withSideInputs(rejected))
            .setCoder(PAIRS);
    PCollection<KV<String, String>> tableFiles =
        pipeline
            .apply(
                "Dimensions",
                Create.of(new ArrayList<>(tables.keySet())).withCoder(VarIntCoder.of()))
            .apply("WriteEmbeddingTables", ParDo.of(new WriteTableFn(output, tables)))
            .setCoder(PAIRS);
    PCollection<KV<String, String>> allFiles =
        PCollectionList.of(shards)
            .and(quality)
            .and(rejectedFile)
            .and(tableFiles)
            .apply("AllFiles", Flatten.pCollections());
    PCollectionView<Map<String, String>> files = allFiles.apply("FilesView", View.asMap());
    Completion.after("ManifestTrigger", allFiles, featured.inputChecked())
        .apply(
            "WriteManifest",
            ParDo.of(new WriteManifestFn(output, Json.write(header(bundle)), files))
                .withSideInputs(files))
        .setCoder(StringUtf8Coder.of())
        .apply("Publish", ParDo.of(staged.publishFn()));
    return pipeline;
  }

  /** The manifest's header: the format, the software and the bundle the features come from. */
  private static ObjectNode header(VocabularyBundle bundle) {
    ObjectNode header = Json.object();
    header.put("format", "auglove-features");
    header.put("format_version", 1);
    header.set("software", Manifest.software());
    header.put("bundle", bundle.path());
    header.put("bundle_manifest_sha256", bundle.manifestSha256());
    return header;
  }

  /** Writes the embedding table of each dimension: row i is the vector of token id i. */
  static final class WriteTableFn extends DoFn<Integer, KV<String, String>> {
    private final String output;
    private final TreeMap<Integer, float[][]> tables;

    WriteTableFn(String output, Map<Integer, float[][]> tables) {
      this.output = output;
      this.tables = new TreeMap<>(tables);
    }

    @ProcessElement
    public void process(@Element Integer dimension, OutputReceiver<KV<String, String>> out) {
      String name = FeatureFiles.embeddingTable(dimension);
      out.output(
          KV.of(
              name,
              Paths.write(Paths.resolve(output, name), NpyFiles.float32(tables.get(dimension)))));
    }
  }

  /** A written file's name, relative to its folder, and its SHA-256. */
  static final class HashFileFn extends DoFn<String, KV<String, String>> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, String>> out)
        throws IOException {
      ResourceId resource = FileSystems.matchNewResource(file, false);
      out.output(KV.of(resource.getFilename(), OutputManifest.sha256(file)));
    }
  }

  /** Writes {@code quality.json}: the input files, their quality report and the assignment. */
  static final class WriteQualityFn extends DoFn<String, KV<String, String>> {
    private final String output;
    private final String input;
    private final String skippedJson;
    private final String bundlePath;
    private final ImmutableList<String> bundleProblems;
    private final PCollectionView<List<FileReport>> reports;
    private final PCollectionView<AssignmentStats> stats;

    WriteQualityFn(
        String output,
        String input,
        InputFiles.Listing listing,
        VocabularyBundle bundle,
        PCollectionView<List<FileReport>> reports,
        PCollectionView<AssignmentStats> stats) {
      this.output = output;
      this.input = input;
      this.skippedJson = Json.write(ManifestSections.skipped(listing.skipped()));
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
      quality.set("input", ManifestSections.input(List.of(input), skippedJson, all));
      quality.set("quality", ManifestSections.quality(all));
      quality
          .putObject("assignment")
          .put("sequences", assignment.sequences())
          .put("frames", assignment.frames())
          .put("unk_by_distance", assignment.unknownByDistance())
          .put("unk_by_count", assignment.unknownByCount());
      context.output(
          KV.of(
              FeatureFiles.QUALITY,
              Paths.write(Paths.resolve(output, FeatureFiles.QUALITY), Json.write(quality))));
    }
  }
}
