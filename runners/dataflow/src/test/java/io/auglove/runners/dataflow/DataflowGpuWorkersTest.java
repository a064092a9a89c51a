package io.auglove.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.dataflow.model.Job;
import com.google.api.services.dataflow.model.SdkHarnessContainerImage;
import com.google.api.services.dataflow.model.WorkerPool;
import io.auglove.pipelines.Corpora;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.dataflow.OfflineDataflowJob;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented GPU options of a Dataflow run reach the job that the runner submits, offline: an
 * NVIDIA L4 with its driver on each worker, a G2 machine, and the GPU worker image (built from
 * {@code runners/dataflow/Dockerfile.gpu-worker}) as the container that runs the pipeline.
 */
class DataflowGpuWorkersTest {

  private static final String ACCELERATOR =
      "worker_accelerator=type:nvidia-l4;count:1;install-nvidia-driver";
  private static final String IMAGE =
      "europe-west4-docker.pkg.dev/auglove-test/auglove/auglove-gpu-worker:0.1.0";

  @TempDir Path folder;

  @Test
  void theWorkerPoolGetsTheAcceleratorTheMachineAndTheGpuImage() throws IOException {
    Path input = Corpora.generate(folder, 2, 1);
    String[] args = {
      "--runner=DataflowRunner",
      "--project=auglove-test",
      "--region=europe-west4",
      "--jobName=auglove-vocabulary-gpu",
      "--tempLocation=gs://auglove-test/tmp",
      "--gcpTempLocation=gs://auglove-test/tmp",
      "--stagingLocation=gs://auglove-test/staging",
      "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
      "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
      "--dataflowServiceOptions=" + ACCELERATOR,
      "--workerMachineType=g2-standard-4",
      "--sdkContainerImage=" + IMAGE,
      "--input=" + input,
      "--output=gs://auglove-test/bundle",
      "--k=100,200"
    };
    VocabularyOptions options = PipelineOptionsFactory.fromArgs(args).as(VocabularyOptions.class);

    Job job =
        OfflineDataflowJob.of(
            VocabularyPipeline.create(options), options.as(DataflowPipelineOptions.class));

    assertEquals(List.of(ACCELERATOR), job.getEnvironment().getServiceOptions());
    assertEquals(1, job.getEnvironment().getWorkerPools().size());
    WorkerPool pool = job.getEnvironment().getWorkerPools().get(0);
    assertEquals("g2-standard-4", pool.getMachineType());
    assertEquals(IMAGE, pool.getWorkerHarnessContainerImage());
    assertEquals(
        List.of(IMAGE),
        pool.getSdkHarnessContainerImages().stream()
            .map(SdkHarnessContainerImage::getContainerImage)
            .toList());
  }
}
