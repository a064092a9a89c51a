package io.auglove.transforms;

import io.auglove.transforms.records.FileReport;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Adds up the {@link FileReport} parts that the steps emit (reading, filtering, downsampling) into
 * one report per file.
 *
 * <p>One global combine of per-file maps, not a combine per file: the DirectRunner hands each key
 * of a grouping on in a bundle of its own, at a fixed cost per bundle, which made a corpus of 3,000
 * files spend most of its run merging reports.
 */
public final class MergeReports
    extends PTransform<PCollectionList<FileReport>, PCollection<FileReport>> {

  private MergeReports() {}

  /** Merges every part of the same file. */
  public static MergeReports perFile() {
    return new MergeReports();
  }

  @Override
  public PCollection<FileReport> expand(PCollectionList<FileReport> parts) {
    return parts
        .apply("FlattenParts", Flatten.pCollections())
        .apply("AddUp", CombineAll.of(new AddUpFn()))
        .apply(
            "Reports",
            FlatMapElements.into(TypeDescriptor.of(FileReport.class))
                .via((Map<String, FileReport> byFile) -> byFile.values()))
        .setCoder(FileReport.Coder.of());
  }

  /** Report parts into one report per file, keyed by the file. */
  static final class AddUpFn
      extends Combine.CombineFn<FileReport, Map<String, FileReport>, Map<String, FileReport>> {

    @Override
    public Map<String, FileReport> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, FileReport> addInput(Map<String, FileReport> reports, FileReport part) {
      reports.merge(part.file(), part, FileReport::merge);
      return reports;
    }

    @Override
    public Map<String, FileReport> mergeAccumulators(Iterable<Map<String, FileReport>> maps) {
      Map<String, FileReport> merged = createAccumulator();
      for (Map<String, FileReport> reports : maps) {
        reports.forEach((file, part) -> merged.merge(file, part, FileReport::merge));
      }
      return merged;
    }

    @Override
    public Map<String, FileReport> extractOutput(Map<String, FileReport> reports) {
      return reports;
    }

    @Override
    public Coder<Map<String, FileReport>> getAccumulatorCoder(
        CoderRegistry registry, Coder<FileReport> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), FileReport.Coder.of());
    }

    @Override
    public Coder<Map<String, FileReport>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<FileReport> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), FileReport.Coder.of());
    }
  }
}
