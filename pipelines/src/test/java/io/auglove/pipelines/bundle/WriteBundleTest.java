package io.auglove.pipelines.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.models.Centroids;
import io.auglove.pipelines.Corpora;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBundleTest {

  @TempDir Path folder;

  @Test
  void onlyTheStepsThatNeedTheCentresOrTheCountsReadSideInputs() throws IOException {
    List<String> withSideInputs = new ArrayList<>();
    for (TransformHierarchy.Node step : primitiveSteps(vocabularyPipeline())) {
      if (step.getTransform() instanceof ParDo.MultiOutput<?, ?> parDo
          && !parDo.getSideInputs().isEmpty()) {
        withSideInputs.add(step.getFullName());
      }
    }
    assertEquals(
        List.of(
            "KMeansFit/FitEachK/ParMultiDo(Fit)",
            "AssignCluster/NearestCentre/ParMultiDo(Nearest)",
            "AssignCluster/ClusterHistograms/ParMultiDo(Histogram)",
            "AssignCluster/ApplyUnkRules"),
        withSideInputs);
  }

  @Test
  void theBundleIsWrittenByOneStepAfterOneGroupingOfEveryResult() throws IOException {
    List<String> steps = new ArrayList<>();
    int groupings = 0;
    for (TransformHierarchy.Node step : primitiveSteps(vocabularyPipeline())) {
      if (step.getFullName().startsWith("WriteBundle/")) {
        steps.add(step.getFullName().substring("WriteBundle/".length()).split("/")[0]);
        groupings += step.getTransform() instanceof GroupByKey ? 1 : 0;
      }
    }
    assertEquals(
        List.of(
            "TagCentroids",
            "TagSweep",
            "TagCounts",
            "TagStats",
            "TagMatrix",
            "TagEmbeddings",
            "TagReports",
            "WithoutRawText",
            "TagRejected",
            "AllResults",
            "Gather",
            "WriteFilesAndManifest"),
        steps);
    assertEquals(1, groupings);
  }

  @Test
  void aPartOfOneResultIsThatResult() {
    Centroids centroids = Centroids.of(new float[][] {{1, 2}});
    WriteBundle.Results results =
        new WriteBundle.Results(
            List.of(new RawUnionValue(WriteBundle.Part.CENTROIDS.ordinal(), centroids)));
    assertSame(centroids, results.one(WriteBundle.Part.CENTROIDS));
    assertNull(results.one(WriteBundle.Part.SWEEP)); // centres given: no sweep
    assertEquals(List.of(), results.all(WriteBundle.Part.REJECTED));
  }

  @Test
  void aPartOfOneResultGivenTwiceOrNeverIsAnError() {
    Centroids centroids = Centroids.of(new float[][] {{1, 2}});
    int tag = WriteBundle.Part.CENTROIDS.ordinal();
    WriteBundle.Results twice =
        new WriteBundle.Results(
            List.of(new RawUnionValue(tag, centroids), new RawUnionValue(tag, centroids)));
    assertEquals(
        "expected one centroids, got 2",
        assertThrows(IllegalStateException.class, () -> twice.one(WriteBundle.Part.CENTROIDS))
            .getMessage());
    WriteBundle.Results never = new WriteBundle.Results(List.of());
    assertEquals(
        "expected one matrix, got 0",
        assertThrows(IllegalStateException.class, () -> never.one(WriteBundle.Part.MATRIX))
            .getMessage());
  }

  /** The vocabulary pipeline, centres fitted, over a corpus of two recordings. */
  private Pipeline vocabularyPipeline() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 2, 1);
    VocabularyOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + input, "--output=" + folder.resolve("bundle"), "--k=8,16")
            .as(VocabularyOptions.class);
    return VocabularyPipeline.create(options);
  }

  private static List<TransformHierarchy.Node> primitiveSteps(Pipeline pipeline) {
    List<TransformHierarchy.Node> steps = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            steps.add(node);
          }
        });
    return steps;
  }
}
