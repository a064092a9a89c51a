package io.auglove.pipelines.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The vocabulary bundle a command reads, verified against its manifest. */
public interface BundleOptions extends PipelineOptions {

  @Description("the vocabulary bundle folder (centres, counts, thresholds, GloVe embeddings)")
  @Validation.Required
  String getBundle();

  void setBundle(String value);
}
