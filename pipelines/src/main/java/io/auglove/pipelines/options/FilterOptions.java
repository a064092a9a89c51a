package io.auglove.pipelines.options;

import io.auglove.transforms.Downsample5fps;
import io.auglove.transforms.FilterConfidence;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How frames are filtered and tracks split before k-means: FilterConfidence, Downsample5fps. */
public interface FilterOptions extends PipelineOptions {

  @Description("frames with an OpenFace confidence below this (0..1) are removed")
  @Default.Double(FilterConfidence.DEFAULT_MIN_CONFIDENCE)
  double getMinConfidence();

  void setMinConfidence(double value);

  @Description("a gap longer than this many seconds (at least 0.2) splits a track into sequences")
  @Default.Double(Downsample5fps.DEFAULT_MAX_GAP_SECONDS)
  double getMaxGapSeconds();

  void setMaxGapSeconds(double value);
}
