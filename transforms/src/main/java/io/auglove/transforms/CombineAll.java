package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkNotNull;

import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Combines a whole collection into exactly one element, the combination of no elements when it is
 * empty: what {@code Combine.globally(fn)} gives, without its side input.
 *
 * <p>{@code Combine.globally} makes the value for an empty input in a step fed from the start whose
 * side input, the combined result, is ready only at the end; a runner holds that step back and
 * tries it again meanwhile (the DirectRunner whenever anything else in the pipeline moves, setting
 * it up anew each time). Here the input and one placeholder element, present from the start and
 * ignored by the combination, are combined under one key, which a runner emits once, when the input
 * is complete.
 *
 * <p>Each bundle becomes a partial accumulator that waits for the merge: for small accumulators. A
 * large one is better added up in state, with {@link AddUpInState}.
 */
public final class CombineAll<InputT, AccumT, OutputT>
    extends PTransform<PCollection<InputT>, PCollection<OutputT>> {

  /** The one key; its value does not matter. */
  private static final int KEY = 0;

  private final Combine.CombineFn<InputT, AccumT, OutputT> fn;

  private CombineAll(Combine.CombineFn<InputT, AccumT, OutputT> fn) {
    this.fn = fn;
  }

  /** Combines with {@code fn}. */
  public static <InputT, AccumT, OutputT> CombineAll<InputT, AccumT, OutputT> of(
      Combine.CombineFn<InputT, AccumT, OutputT> fn) {
    return new CombineAll<>(checkNotNull(fn, "fn"));
  }

  @Override
  public PCollection<OutputT> expand(PCollection<InputT> input) {
    return withPlaceholder(input)
        .apply("Combine", Combine.perKey(new SkippingPlaceholder<>(fn)))
        .apply("Value", Values.create());
  }

  /**
   * {@code input}'s elements and one placeholder, null, all under one key: the key's one group, or
   * its state, exists however many elements the input has.
   */
  static <T> PCollection<KV<Integer, T>> withPlaceholder(PCollection<T> input) {
    // null is the placeholder: a collection's elements are never null
    KvCoder<Integer, T> keyed = KvCoder.of(VarIntCoder.of(), NullableCoder.of(input.getCoder()));
    PCollection<KV<Integer, T>> placeholder =
        input.getPipeline().apply("Placeholder", Create.of(KV.of(KEY, (T) null)).withCoder(keyed));
    PCollection<KV<Integer, T>> elements = input.apply("WithKey", WithKeys.of(KEY)).setCoder(keyed);
    return PCollectionList.of(placeholder)
        .and(elements)
        .apply("WithPlaceholder", Flatten.pCollections());
  }

  /** {@code fn}, leaving the placeholder out. */
  static final class SkippingPlaceholder<InputT, AccumT, OutputT>
      extends Combine.CombineFn<InputT, AccumT, OutputT> {
    private final Combine.CombineFn<InputT, AccumT, OutputT> fn;

    SkippingPlaceholder(Combine.CombineFn<InputT, AccumT, OutputT> fn) {
      this.fn = fn;
    }

    @Override
    public AccumT createAccumulator() {
      return fn.createAccumulator();
    }

    @Override
    public AccumT addInput(AccumT accumulator, InputT input) {
      return input == null ? accumulator : fn.addInput(accumulator, input);
    }

    @Override
    public AccumT mergeAccumulators(Iterable<AccumT> accumulators) {
      return fn.mergeAccumulators(accumulators);
    }

    @Override
    public OutputT extractOutput(AccumT accumulator) {
      return fn.extractOutput(accumulator);
    }

    @Override
    public Coder<AccumT> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder)
        throws CannotProvideCoderException {
      return fn.getAccumulatorCoder(registry, valueCoder(inputCoder));
    }

    @Override
    public Coder<OutputT> getDefaultOutputCoder(CoderRegistry registry, Coder<InputT> inputCoder)
        throws CannotProvideCoderException {
      return fn.getDefaultOutputCoder(registry, valueCoder(inputCoder));
    }

    private static <T> Coder<T> valueCoder(Coder<T> coder) {
      return coder instanceof NullableCoder<T> nullable ? nullable.getValueCoder() : coder;
    }
  }
}
