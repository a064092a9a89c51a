package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * One element, a name, once every one of some collections is complete (however many elements they
 * hold, none included): the main input of a step whose real inputs are side inputs built from those
 * collections.
 *
 * <p>A step fed instead by an element that exists from the start gets that element before its side
 * inputs are ready, and a runner must hold it back and try again: the DirectRunner tries again
 * whenever anything else in the pipeline moves, setting the step up anew each time (hundreds of
 * times in a small run). Here the element is a per-key sum over the collections, which a runner
 * emits only once all of them are complete.
 *
 * <pre>{@code
 * PCollection<String> reportsDone =
 *     Completion.of(pipeline, reports).apply("ReportsDone", Completion.named("reports"));
 * }</pre>
 */
public final class Completion extends PTransform<PCollectionList<Object>, PCollection<String>> {

  private final String name;

  private Completion(String name) {
    this.name = name;
  }

  /** Emits {@code name} once every collection of the list it is applied to is complete. */
  public static Completion named(String name) {
    return new Completion(name);
  }

  /**
   * The collections to wait for, as one list: only their completion matters, never their elements,
   * so they are taken as collections of objects.
   */
  @SuppressWarnings("unchecked") // elements are only counted, never read as their type
  public static PCollectionList<Object> of(Pipeline pipeline, PCollection<?>... collections) {
    checkArgument(collections.length > 0, "completion: nothing to wait for");
    List<PCollection<Object>> list = new ArrayList<>();
    for (PCollection<?> collection : collections) {
      list.add((PCollection<Object>) collection);
    }
    return PCollectionList.of(list);
  }

  /**
   * {@code values}, released once every one of {@code collections} is complete (null ones left
   * out), under step {@code name}: the work items of a step whose data are side inputs.
   */
  public static PCollection<Integer> integersAfter(
      String name, List<Integer> values, PCollection<?>... collections) {
    PCollection<?>[] present =
        Arrays.stream(collections).filter(Objects::nonNull).toArray(PCollection<?>[]::new);
    List<Integer> released = ImmutableList.copyOf(values);
    return of(present[0].getPipeline(), present)
        .apply(name, named(name))
        .apply(
            name + "Values",
            FlatMapElements.into(TypeDescriptors.integers()).via((String done) -> released))
        .setCoder(VarIntCoder.of());
  }

  @Override
  public PCollection<String> expand(PCollectionList<Object> collections) {
    List<PCollection<Long>> counts = new ArrayList<>();
    // One element of its own, so that empty collections still complete into one output.
    counts.add(
        collections.getPipeline().apply("Start", Create.of(0L).withCoder(VarLongCoder.of())));
    for (int i = 0; i < collections.size(); i++) {
      counts.add(
          collections
              .get(i)
              .apply("Count" + i, MapElements.into(TypeDescriptors.longs()).via(element -> 1L))
              .setCoder(VarLongCoder.of()));
    }
    return PCollectionList.of(counts)
        .apply("All", Flatten.pCollections())
        .apply("ByName", WithKeys.of(name))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("Complete", Combine.perKey(Sum.ofLongs()))
        .apply("Name", Keys.create());
  }
}
