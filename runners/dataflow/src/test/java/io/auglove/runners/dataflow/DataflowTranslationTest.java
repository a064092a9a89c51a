package io.auglove.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.dataflow.model.Job;
import com.google.api.services.dataflow.model.Step;
import com.google.api.services.dataflow.model.WorkerPool;
import io.auglove.pipelines.Corpora;
import io.auglove.pipelines.evaluate.EvaluateOptions;
import io.auglove.pipelines.evaluate.EvaluatePipeline;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.dataflow.OfflineDataflowJob;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.dataflow.util.PropertyNames;
import org.apache.beam.runners.dataflow.util.Structs;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary pipeline translates into a Dataflow job specification, offline: no credentials, no
 * Cloud Storage, no job submitted. Its steps are the method's and the worker options reach the job.
 */
class DataflowTranslationTest {

  @TempDir Path folder;

  @Test
  void theVocabularyPipelineTranslatesToADataflowJob() throws IOException {
    Path input = Corpora.generate(folder, 2, 1);
    List<String> args = new ArrayList<>(offlineDataflow("auglove-vocabulary"));
    args.addAll(List.of("--input=" + input, "--output=gs://auglove-test/bundle", "--k=100,200"));
    VocabularyOptions options =
        PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(VocabularyOptions.class);
    Job job = translate(VocabularyPipeline.create(options), options);
    assertHasSteps(
        job,
        List.of(
            "ReadSequences/ReadOpenFace/",
            "ReadSequences/FilterConfidence/",
            "ReadSequences/Downsample5fps/",
            "InputCheck/CheckFiles",
            "KMeansFit/FitEachK",
            "ChooseK/",
            "AssignCluster/NearestCentre",
            "AssignCluster/ApplyUnkRules",
            "WindowCooccur/",
            "GloveFit/TrainEachDimension",
            "WriteBundle/Gather",
            "WriteBundle/WriteFilesAndManifest",
            "Publish"));
    assertEquals("auglove-vocabulary", job.getName());
    WorkerPool pool = job.getEnvironment().getWorkerPools().get(0);
    assertEquals("n2-highmem-8", pool.getMachineType());
    assertEquals(12, pool.getAutoscalingSettings().getMaxNumWorkers());
  }

  /** The options every translation needs: no credentials, no Cloud Storage, nothing submitted. */
  private static List<String> offlineDataflow(String jobName) {
    return List.of(
        "--runner=DataflowRunner",
        "--project=auglove-test",
        "--region=europe-west4",
        "--jobName=" + jobName,
        "--tempLocation=gs://auglove-test/tmp",
        "--gcpTempLocation=gs://auglove-test/tmp",
        "--stagingLocation=gs://auglove-test/staging",
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--workerMachineType=n2-highmem-8",
        "--maxNumWorkers=12");
  }

  /** {@code pipeline} as the Dataflow job its runner would submit. */
  private static Job translate(Pipeline pipeline, PipelineOptions options) throws IOException {
    return OfflineDataflowJob.of(pipeline, options.as(DataflowPipelineOptions.class));
  }

  /** Asserts that for every prefix in {@code stages} one of the job's steps starts with it. */
  private static void assertHasSteps(Job job, List<String> stages) {
    List<String> steps = new ArrayList<>();
    for (Step step : job.getSteps()) {
      steps.add(Structs.getString(step.getProperties(), PropertyNames.USER_NAME));
    }
    for (String stage : stages) {
      assertTrue(steps.stream().anyMatch(s -> s.startsWith(stage)), stage + " not in " + steps);
    }
  }

  @Test
  void theEvaluationGridTranslatesToADataflowJob() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 4, 2);
    Path bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle);
    List<String> args = new ArrayList<>(offlineDataflow("auglove-evaluate"));
    args.addAll(
        List.of(
            "--bundle=" + bundle,
            "--input=" + input,
            "--labelsFile=" + input.getParent().resolve("labels.csv"),
            "--targets=dwell,control",
            "--output=gs://auglove-test/evaluation"));
    EvaluateOptions options =
        PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(EvaluateOptions.class);

    Job job = translate(EvaluatePipeline.create(options), options);

    assertHasSteps(
        job,
        List.of(
            "ReadSequences/ReadOpenFace/",
            "Featurize/AssignCluster/NearestCentre",
            "GroupByRecording",
            "AssembleRecordings",
            "Grid/",
            "SpreadTrainings/",
            "Train",
            "WriteReport",
            "Publish"));
    assertEquals("auglove-evaluate", job.getName());
  }
}
