package io.auglove.pipelines.featurize;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of {@code auglove featurize}; on the command line {@code --bundle}, {@code --input} and
 * {@code --output}.
 */
public interface FeaturizeOptions extends PipelineOptions {

  @Description("the vocabulary bundle folder whose centres, counts and thresholds to use")
  @Validation.Required
  String getFeaturizeBundle();

  void setFeaturizeBundle(String value);

  @Description(
      "OpenFace CSVs: a file, a glob, or a folder (its *.csv and *.csv.gz, recursively); local or gs://")
  @Validation.Required
  String getFeaturizeInput();

  void setFeaturizeInput(String value);

  @Description("folder to write the sequences, embedding tables and quality report to")
  @Validation.Required
  String getFeaturizeOutput();

  void setFeaturizeOutput(String value);
}
