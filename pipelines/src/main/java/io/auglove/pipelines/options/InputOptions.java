package io.auglove.pipelines.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Where the OpenFace CSVs are. */
public interface InputOptions extends PipelineOptions {

  @Description(
      "OpenFace CSVs: a file, a glob, or a folder (its *.csv and *.csv.gz, at any depth); local or"
          + " gs://")
  @Validation.Required
  String getInput();

  void setInput(String value);
}
