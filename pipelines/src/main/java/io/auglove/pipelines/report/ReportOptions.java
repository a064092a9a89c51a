package io.auglove.pipelines.report;

import io.auglove.pipelines.options.BundleOptions;
import io.auglove.pipelines.options.OutputOptions;
import io.auglove.pipelines.options.SeedOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code auglove report}: the bundle, optionally its featurize output, the report's
 * folder ({@code --output}, which the command line defaults to the bundle's folder with {@code
 * -report}) and the seed of the t-SNE maps.
 */
public interface ReportOptions extends BundleOptions, OutputOptions, SeedOptions {

  @Description(
      "a featurize output made with the bundle, for the token timelines of a few recordings;"
          + " none: no timelines")
  String getFeatures();

  void setFeatures(String value);

  @Description("how many recordings (the first by name) the token timeline shows")
  @Default.Integer(4)
  int getTimelineRecordings();

  void setTimelineRecordings(int value);
}
