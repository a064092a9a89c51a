package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
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
 * times in a small run). Here the element is a per-key sum over the collections, which a runner
 * emits only once all of them are complete.
 *
 * <pre>{@code
 * Completion.after("ReportsDone", reports)
 *     .apply("Check", ParDo.of(new CheckFn(reportsView)).withSideInputs(reportsView));
 * }</pre>
 */
public final class Completion extends PTransform<PCollectionList<Object>, PCollection<String>> {

  private final String name;

  private Completion(String name) {
    this.name = name;
  }

  /**
   * Applies step {@code name}, which emits {@code name} once every one of {@code collections} is
   * complete (null ones left out; at least one given).
   */
  @SuppressWarnings("unchecked") // elements are only counted, never read as their type
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
    List<PCollection<Long>> counts = new ArrayList<>();
    for (int i = 0; i < collections.size(); i++) {
      counts.add(
          collections
              .get(i)
              .apply("Count" + i, MapElements.into(TypeDescriptors.longs()).via(element -> 1L))
              .setCoder(VarLongCoder.of()));
    }
    // CombineAll gives one element even when every collection is empty, and only once all are
    // complete.
    String done = name;
    return PCollectionList.of(counts)
        .apply("All", Flatten.pCollections())
        .apply("Complete", CombineAll.of(Sum.ofLongs()))
        .apply("Name", MapElements.into(TypeDescriptors.strings()).via((Long total) -> done))
        .setCoder(StringUtf8Coder.of());
  }
}
