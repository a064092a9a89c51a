package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * One element, a step's name, once every one of some collections is complete (however many elements
 * they hold, none included): the main input of a step whose real inputs are side inputs built from
 * those collections.
 *
 * <p>A step fed instead by an element that exists from the start gets that element before its side
 * inputs are ready, and a runner must hold it back and try again: the DirectRunner tries again
 * whenever anything else in the pipeline moves, setting the step up anew each time (hundreds of
 * times in a small run). Here the element is the one group of a grouping of the collections, which
 * a runner emits only once all of them are complete.
 *
 * <pre>{@code
 * Completion.after("ReportsDone", reports)
 *     .apply("Check", ParDo.of(new CheckFn(reportsView)).withSideInputs(reportsView));
 * }</pre>
 */
public final class Completion extends PTransform<PCollectionList<Object>, PCollection<String>> {

  /** The one key; its value does not matter. */
  private static final int KEY = 0;

  private final String name;

  private Completion(String name) {
    this.name = name;
  }

  /**
   * Applies step {@code name}, which emits {@code name} once every one of {@code collections} is
   * complete (null ones left out; at least one given).
   */
  @SuppressWarnings("unchecked") // elements are never read
  public static PCollection<String> after(String name, PCollection<?>... collections) {
    List<PCollection<Object>> list = new ArrayList<>();
    for (PCollection<?> collection : collections) {
      if (collection != null) {
        list.add((PCollection<Object>) collection);
      }
    }
    checkArgument(!list.isEmpty(), "completion %s: nothing to wait for", name);
    return PCollectionList.of(list).apply(name, new Completion(name));
  }

  /**
   * {@code values}, released once every one of {@code collections} is complete (null ones left
   * out), under step {@code name}: the work items of a step whose data are side inputs.
   */
  public static PCollection<Integer> integersAfter(
      String name, List<Integer> values, PCollection<?>... collections) {
    List<Integer> released = ImmutableList.copyOf(values);
    return after(name, collections)
        .apply(
            name + "Values",
            FlatMapElements.into(TypeDescriptors.integers()).via((String done) -> released))
        .setCoder(VarIntCoder.of());
  }

  @Override
  public PCollection<String> expand(PCollectionList<Object> collections) {
    // One key, one start element present from the beginning, and from each collection nothing at
    // all: the grouping still waits for every collection to be complete, and then gives one group.
    KvCoder<Integer, Void> coder = KvCoder.of(VarIntCoder.of(), VoidCoder.of());
    List<PCollection<KV<Integer, Void>>> parts = new ArrayList<>();
    parts.add(
        collections
            .getPipeline()
            .apply("Start", Create.of(KV.of(KEY, (Void) null)).withCoder(coder)));
    for (int i = 0; i < collections.size(); i++) {
      parts.add(nothingFrom("Ignore" + i, collections.get(i), coder));
    }
    String done = name;
    return PCollectionList.of(parts)
        .apply("All", Flatten.pCollections())
        .apply("Wait", GroupByKey.create())
        .apply("Name", MapElements.into(TypeDescriptors.strings()).via(group -> done))
        .setCoder(StringUtf8Coder.of());
  }

  /**
   * Nothing, once {@code collection} is read through (step {@code name}): a part of a grouping that
   * must wait for that collection to be complete, whatever it holds.
   */
  public static <T> PCollection<T> nothingFrom(
      String name, PCollection<?> collection, Coder<T> coder) {
    @SuppressWarnings("unchecked") // elements are never read
    PCollection<Object> any = (PCollection<Object>) collection;
    return any.apply(name, ParDo.of(new IgnoreFn<T>())).setCoder(coder);
  }

  /** Reads a collection through, giving nothing. */
  private static final class IgnoreFn<T> extends DoFn<Object, T> {
    @ProcessElement
    public void process() {}
  }
}
