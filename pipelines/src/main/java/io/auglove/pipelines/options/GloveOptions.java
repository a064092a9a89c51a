package io.auglove.pipelines.options;

import io.auglove.transforms.GloveFit;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** GloveFit: the embeddings' dimensions and epochs. */
public interface GloveOptions extends PipelineOptions {

  @Description("GloVe dimensions, comma-separated (the paper's by default)")
  @Default.InstanceFactory(Defaults.PaperDimensions.class)
  List<Integer> getDimensions();

  void setDimensions(List<Integer> value);

  @Description("GloVe epochs (at least 1)")
  @Default.Integer(GloveFit.DEFAULT_EPOCHS)
  int getEpochs();

  void setEpochs(int value);
}
