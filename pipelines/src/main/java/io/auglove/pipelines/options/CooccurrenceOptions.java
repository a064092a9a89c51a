package io.auglove.pipelines.options;

import io.auglove.transforms.WindowCooccur;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** WindowCooccur: the window and weighting of the co-occurrence counts. */
public interface CooccurrenceOptions extends PipelineOptions {

  @Description("co-occurrence window, in 5 fps positions on each side (at least 1)")
  @Default.Integer(WindowCooccur.DEFAULT_WINDOW)
  int getWindow();

  void setWindow(int value);

  @Description("co-occurrence weighting: UNIFORM (the paper's) or HARMONIC (1/distance, GloVe's)")
  @Default.InstanceFactory(Defaults.WeightingDefault.class)
  WindowCooccur.Weighting getWeighting();

  void setWeighting(WindowCooccur.Weighting value);
}
