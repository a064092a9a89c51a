package io.auglove.transforms;

import io.auglove.transforms.records.FileReport;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Adds up the {@link FileReport} parts that the steps emit (reading, filtering, downsampling) into
 * one report per file.
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
    SerializableBiFunction<FileReport, FileReport, FileReport> merge = FileReport::merge;
    return parts
        .apply("FlattenParts", Flatten.pCollections())
        .apply("ByFile", WithKeys.of(FileReport::file).withKeyType(TypeDescriptors.strings()))
        .apply("AddUp", Combine.perKey(merge::apply))
        .apply("Reports", Values.create());
  }
}
