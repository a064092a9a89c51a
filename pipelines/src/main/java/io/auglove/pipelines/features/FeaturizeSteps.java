package io.auglove.pipelines.features;

import io.auglove.models.Centroids;
import io.auglove.pipelines.bundle.VocabularyBundle;
import io.auglove.transforms.AssignCluster;
import io.auglove.transforms.Featurize;
import io.auglove.transforms.InputCheck;
import io.auglove.transforms.ReadSequences;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.CentroidsCoder;
import io.auglove.transforms.records.FeatureSequence;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import io.auglove.transforms.records.Track;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The steps from OpenFace CSVs to feature sequences with a bundle's vocabulary: the vocabulary
 * pipeline's own ReadSequences (ReadOpenFace, FilterConfidence, Downsample5fps) and AssignCluster,
 * with the bundle's confidence threshold, gap limit, centres, counts and {@code <unk>} thresholds,
 * so a recording is read exactly as the vocabulary's corpus was.
 */
public final class FeaturizeSteps {

  private FeaturizeSteps() {}

  /** What the steps produce. */
  public record Featured(
      PCollection<FeatureSequence> features,
      PCollection<FileReport> reports,
      PCollection<RejectedRow> rejected,
      PCollection<AssignmentStats> stats,
      PCollection<Integer> inputChecked) {}

  /**
   * Adds the steps for the files of {@code patterns}, read a chunk of about {@code
   * readChunkMegabytes} at a time (see {@link io.auglove.transforms.ReadOpenFace#withReadChunks}),
   * to {@code pipeline}.
   */
  public static Featured apply(
      Pipeline pipeline, List<String> patterns, int readChunkMegabytes, VocabularyBundle bundle) {
    PCollectionTuple read =
        pipeline.apply(
            "ReadSequences",
            ReadSequences.from(patterns)
                .withMinConfidence(bundle.minConfidence())
                .withMaxGapSeconds(bundle.maxGapSeconds())
                .withReadChunks(readChunkMegabytes));
    PCollection<Track> sequences = read.get(ReadSequences.sequencesTag());
    PCollection<Integer> inputChecked =
        read.get(ReadSequences.reportsTag()).apply("InputCheck", InputCheck.ofReports());
    PCollectionView<Centroids> centroids =
        pipeline
            .apply("BundleCentroids", Create.of(bundle.centroids()).withCoder(CentroidsCoder.of()))
            .apply("CentroidsView", View.asSingleton());
    AssignCluster assign =
        AssignCluster.to(centroids)
            .withDistanceThreshold(bundle.distanceThreshold())
            .withCountThreshold(bundle.countThreshold())
            .withCounts(bundle.counts());
    PCollectionTuple featured = sequences.apply("Featurize", Featurize.with(assign));
    return new Featured(
        featured.get(Featurize.featuresTag()),
        read.get(ReadSequences.reportsTag()),
        read.get(ReadSequences.rejectedTag()),
        featured.get(Featurize.statsTag()),
        inputChecked);
  }
}
