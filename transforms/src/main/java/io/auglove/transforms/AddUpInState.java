package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Combines a whole collection (in the global window) into exactly one element, the combination of
 * no elements when it is empty, adding the elements one by one into a single accumulator held in a
 * step's state, output once the input is complete (a timer at the end of the window).
 *
 * <p>For a large accumulator. {@link CombineAll} adds up each bundle into a partial accumulator and
 * merges the partials, holding every partial on its way to the merge; when the input comes at once,
 * as sequences that waited for the corpus's cluster counts do, that is one partial co-occurrence
 * count of up to k² pairs per bundle in memory together (a 30M-row corpus read in chunks of 64 MB
 * ran out of a 1 GB heap). Here the runner holds the elements, which are small, and one
 * accumulator, which the DirectRunner copies once per bundle. One worker does the adding up, which
 * suits work that costs little beside producing the elements.
 *
 * <p>One placeholder element, present from the start and skipped, makes the step output the empty
 * combination for an empty input.
 */
public final class AddUpInState<InputT, AccumT, OutputT>
    extends PTransform<PCollection<InputT>, PCollection<OutputT>> {

  private final Combine.CombineFn<InputT, AccumT, OutputT> fn;

  private AddUpInState(Combine.CombineFn<InputT, AccumT, OutputT> fn) {
    this.fn = fn;
  }

  /** Adds up with {@code fn}, which must give its accumulator's and output's coders. */
  public static <InputT, AccumT, OutputT> AddUpInState<InputT, AccumT, OutputT> of(
      Combine.CombineFn<InputT, AccumT, OutputT> fn) {
    return new AddUpInState<>(checkNotNull(fn, "fn"));
  }

  @Override
  public PCollection<OutputT> expand(PCollection<InputT> input) {
    checkArgument(
        input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows,
        "AddUpInState adds up a collection in the global window, got %s",
        input.getWindowingStrategy().getWindowFn());
    CoderRegistry registry = input.getPipeline().getCoderRegistry();
    Coder<AccumT> accumulatorCoder;
    Coder<OutputT> outputCoder;
    try {
      accumulatorCoder = fn.getAccumulatorCoder(registry, input.getCoder());
      outputCoder = fn.getDefaultOutputCoder(registry, input.getCoder());
    } catch (CannotProvideCoderException e) {
      throw new IllegalArgumentException(fn.getClass().getName() + " gives no coder", e);
    }
    return CombineAll.withPlaceholder(input)
        .apply("AddUp", ParDo.of(new AddUpFn<>(fn, accumulatorCoder)))
        .setCoder(outputCoder);
  }

  /**
   * Adds the elements into the one accumulator of its state, skipping the placeholder, and outputs
   * the combination once the window's input is complete.
   */
  static final class AddUpFn<InputT, AccumT, OutputT> extends DoFn<KV<Integer, InputT>, OutputT> {
    private static final String ADDED = "added";
    private static final String COMPLETE = "complete";

    private final Combine.CombineFn<InputT, AccumT, OutputT> fn;

    @StateId(ADDED)
    private final StateSpec<ValueState<AccumT>> added;

    @TimerId(COMPLETE)
    private final TimerSpec complete = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    AddUpFn(Combine.CombineFn<InputT, AccumT, OutputT> fn, Coder<AccumT> accumulatorCoder) {
      this.fn = fn;
      this.added = StateSpecs.value(accumulatorCoder);
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, InputT> element,
        BoundedWindow window,
        @StateId(ADDED) ValueState<AccumT> added,
        @TimerId(COMPLETE) Timer complete) {
      InputT value = element.getValue();
      if (value == null) {
        // the placeholder, which comes exactly once: the one time the timer needs setting
        complete.set(window.maxTimestamp());
        return;
      }
      AccumT sofar = added.read();
      added.write(fn.addInput(sofar == null ? fn.createAccumulator() : sofar, value));
    }

    @OnTimer(COMPLETE)
    public void onComplete(@StateId(ADDED) ValueState<AccumT> added, OutputReceiver<OutputT> out) {
      AccumT all = added.read();
      out.output(fn.extractOutput(all == null ? fn.createAccumulator() : all));
    }
  }
}
