package io.auglove.pipelines.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@code auglove demo}. Their properties carry a {@code demo} prefix because Beam keeps
 * one registry of option properties and these have other defaults than the vocabulary pipeline's;
 * the command line writes them without it ({@code --output}, {@code --k}).
 */
public interface DemoOptions extends PipelineOptions {

  @Description("folder for the corpus and the bundle; empty: demo-output/ in the repository")
  @Default.String("")
  String getDemoOutput();

  void setDemoOutput(String value);

  @Description("number of videos in the generated corpus")
  @Default.Integer(60)
  int getDemoVideos();

  void setDemoVideos(int value);

  @Description("seed of the corpus and of the pipeline")
  @Default.Long(0)
  long getDemoSeed();

  void setDemoSeed(long value);

  @Description("values of k for the k-means sweep, comma-separated")
  @Default.String("50,100,200")
  String getDemoK();

  void setDemoK(String value);

  @Description(
      "<unk> count threshold; -1: the paper's 500 for 5.3M frames, scaled to the demo corpus (at"
          + " least 1)")
  @Default.Long(-1)
  long getDemoCountThreshold();

  void setDemoCountThreshold(long value);

  @Description("GloVe epochs")
  @Default.Integer(50)
  int getDemoEpochs();

  void setDemoEpochs(int value);
}
