package io.auglove.pipelines.options;

import io.auglove.models.kmeans.CentroidUpdate;
import io.auglove.transforms.KMeansFit;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The k-means sweep (KMeansFit) and the choice of the vocabulary's k. */
public interface KMeansOptions extends PipelineOptions {

  @Description("values of k for the k-means sweep, comma-separated (the paper's sweep by default)")
  @Default.InstanceFactory(Defaults.PaperKs.class)
  List<Integer> getK();

  void setK(List<Integer> value);

  @Description("k of the vocabulary, one of --k (none: the knee of the elbow curve)")
  Integer getVocabK();

  void setVocabK(Integer value);

  @Description("most Lloyd iterations of each k-means fit (at least 1)")
  @Default.Integer(KMeansFit.DEFAULT_MAX_ITERATIONS)
  int getMaxIterations();

  void setMaxIterations(int value);

  @Description("k-means stops when inertia falls by less than this fraction (>= 0) in an iteration")
  @Default.Double(KMeansFit.DEFAULT_TOLERANCE)
  double getTolerance();

  void setTolerance(double value);

  @Description("frames sampled for the k-means++ initialisation (at least 1)")
  @Default.Integer(KMeansFit.DEFAULT_INIT_SAMPLE_SIZE)
  int getInitSampleSize();

  void setInitSampleSize(int value);

  @Description("fit k-means on a seeded sample of this many frames (0: all frames)")
  @Default.Integer(KMeansFit.DEFAULT_MAX_FIT_FRAMES)
  int getMaxFitFrames();

  void setMaxFitFrames(int value);

  @Description(
      "where the k-means centroid update runs: AUTO (HOST on a CPU, DEVICE on a GPU), DEVICE (DJL"
          + " NDArray operations) or HOST (plain Java, faster on a CPU)")
  @Default.InstanceFactory(Defaults.CentroidUpdateDefault.class)
  CentroidUpdate getCentroidUpdate();

  void setCentroidUpdate(CentroidUpdate value);
}
