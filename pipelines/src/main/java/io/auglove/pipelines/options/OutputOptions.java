package io.auglove.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The folder a command writes, published whole when the run succeeds. */
public interface OutputOptions extends PipelineOptions {

  @Description(
      "folder to write; local or gs://. It is written whole or not at all, and must not exist yet"
          + " unless --overwrite is given")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "replace an existing output, whole, once the new run has succeeded (until then it stays as"
          + " it was)")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);
}
