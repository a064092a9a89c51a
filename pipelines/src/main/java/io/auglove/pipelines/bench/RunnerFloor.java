package io.auglove.pipelines.bench;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * What a runner costs for a run of a pipeline of so many steps that do nothing: the least any
 * pipeline of that many steps can take on it, however little data it has.
 */
final class RunnerFloor {

  /** Runs of the chain, the fastest counting: each takes a tenth of a second or so. */
  static final int RUNS = 20;

  private RunnerFloor() {}

  /** The primitive steps of {@code pipeline}: what a runner schedules, composites expanded. */
  static int primitiveSteps(Pipeline pipeline) {
    AtomicInteger steps = new AtomicInteger();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            steps.incrementAndGet();
          }
        });
    return steps.get();
  }

  /**
   * Three numbers through a chain of {@code steps} steps that each pass them on unchanged, in a new
   * pipeline: the last step's output.
   */
  static PCollection<Integer> chain(PipelineOptions options, int steps) {
    PCollection<Integer> numbers = Pipeline.create(options).apply("Numbers", Create.of(1, 2, 3));
    for (int step = 0; step < steps; step++) {
      numbers = numbers.apply("Step" + step, ParDo.of(new PassOnFn()));
    }
    return numbers;
  }

  /** Wall time in seconds of the fastest of {@code runs} runs of {@link #chain}. */
  static double fastestChainSeconds(PipelineOptions options, int steps, int runs) {
    double fastest = Double.MAX_VALUE;
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      PipelineResult.State state = chain(options, steps).getPipeline().run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("a chain of steps that do nothing ended " + state);
      }
      fastest = Math.min(fastest, (System.nanoTime() - start) / 1e9);
    }
    return fastest;
  }

  /** Passes each element on. */
  private static final class PassOnFn extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Integer> out) {
      out.output(element);
    }
  }
}
