package org.apache.beam.runners.dataflow;

import com.google.api.services.dataflow.model.Job;
import com.google.api.services.dataflow.model.WorkerPool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.util.construction.Environments;
import org.apache.beam.sdk.util.construction.PipelineTranslation;
import org.apache.beam.sdk.util.construction.SdkComponents;

/**
 * The job specification that {@link DataflowRunner#run} would submit for a pipeline, built offline:
 * no credentials, no staging, no call to the service. It takes the runner's own steps: the check of
 * the container options, the worker container image chosen from the options, the replacement of
 * transforms by Dataflow's, the translation, and the SDK harness images of the worker pool.
 *
 * <p>It lives in the runner's package because those steps are package-private there (Beam's own
 * {@code DataflowRunnerTest} calls them the same way); a job built by hand around the translator
 * would test our assumptions about the runner, not the runner.
 */
public final class OfflineDataflowJob {

  private OfflineDataflowJob() {}

  /** {@code pipeline} as the Dataflow job its runner would submit with {@code options}. */
  public static Job of(Pipeline pipeline, DataflowPipelineOptions options) throws IOException {
    DataflowRunner.validateSdkContainerImageOptions(options);
    options.setFilesToStage(new ArrayList<>());
    String image = DataflowRunner.getContainerImageForJob(options);
    RunnerApi.Environment environment =
        Environments.createDockerEnvironment(image).toBuilder()
            .addAllCapabilities(Environments.getJavaCapabilities())
            .build();

    SdkComponents portableComponents = SdkComponents.create();
    portableComponents.registerEnvironment(environment);
    RunnerApi.Pipeline portable = PipelineTranslation.toProto(pipeline, portableComponents, false);

    DataflowRunner runner = new DataflowRunner(options);
    runner.replaceV1Transforms(pipeline);
    SdkComponents components = SdkComponents.create(options);
    components.registerEnvironment(environment);
    RunnerApi.Pipeline proto = PipelineTranslation.toProto(pipeline, components, true);
    Job job =
        DataflowPipelineTranslator.fromOptions(options)
            .translate(pipeline, proto, components, runner, List.of())
            .getJob();

    for (WorkerPool pool : job.getEnvironment().getWorkerPools()) {
      pool.setWorkerHarnessContainerImage(image);
    }
    DataflowRunner.configureSdkHarnessContainerImages(options, portable, job);
    return job;
  }
}
