package io.auglove.pipelines.options;

import io.auglove.transforms.AssignCluster;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** AssignCluster: the centres frames are assigned to, and the {@code <unk>} rules. */
public interface AssignmentOptions extends PipelineOptions {

  @Description(
      "centres to use instead of fitting: a bundle folder, its centroids.csv, or a headerless k x 17"
          + " CSV (fitting is then skipped)")
  String getCentroids();

  void setCentroids(String value);

  @Description(
      "cluster_id,count file for the <unk> count rule, with --centroids (none: the counts of the"
          + " corpus being read)")
  String getCounts();

  void setCounts(String value);

  @Description("a frame further than this (> 0) from its centre becomes <unk>")
  @Default.Double(AssignCluster.DEFAULT_DISTANCE_THRESHOLD)
  double getDistanceThreshold();

  void setDistanceThreshold(double value);

  @Description("a frame whose cluster holds this many frames (>= 0) or fewer becomes <unk>")
  @Default.Long(AssignCluster.DEFAULT_COUNT_THRESHOLD)
  long getCountThreshold();

  void setCountThreshold(long value);

  @Description(
      "the share of frames (0..1) that may become <unk> before the run warns that the thresholds"
          + " suit the corpus badly")
  @Default.Double(AssignCluster.DEFAULT_MAX_UNKNOWN_SHARE)
  double getMaxUnknownShare();

  void setMaxUnknownShare(double value);
}
