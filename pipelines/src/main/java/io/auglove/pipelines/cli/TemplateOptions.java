package io.auglove.pipelines.cli;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code auglove template}. */
public interface TemplateOptions extends PipelineOptions {

  @Description(
      "the pipeline whose flex-template metadata to write: vocabulary, featurize or evaluate")
  @Validation.Required
  String getPipeline();

  void setPipeline(String value);

  @Description(
      "the metadata file to write (local or gs://), for gcloud dataflow flex-template build")
  @Validation.Required
  String getMetadataFile();

  void setMetadataFile(String value);
}
