package io.auglove.pipelines.vocabulary;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of {@code auglove vocabulary}. On the command line they are written in kebab case ({@code
 * --vocab-k}); the runner's own options ({@code --runner}, {@code --flinkMaster}, {@code
 * --project}, ...) pass through.
 */
public interface VocabularyOptions extends PipelineOptions {

  @Description(
      "OpenFace CSVs: a file, a glob, or a folder (its *.csv and *.csv.gz, recursively); local or gs://")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("folder of the vocabulary bundle to write; local or gs://")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("values of k for the k-means sweep, comma-separated (the paper's sweep by default)")
  @Default.String("100,200,500,1000,2000,5000,10000")
  String getK();

  void setK(String value);

  @Description("k of the vocabulary, one of --k; 0: the knee of the elbow curve")
  @Default.Integer(0)
  int getVocabK();

  void setVocabK(int value);

  @Description(
      "centres to use instead of fitting: a bundle folder, its centroids.csv, or a headerless k x 17 CSV"
          + " (fitting is then skipped)")
  String getCentroids();

  void setCentroids(String value);

  @Description(
      "cluster_id,count file for the <unk> count rule (none: the counts of the corpus being read)")
  String getCounts();

  void setCounts(String value);

  @Description("seed of every random choice (k-means++, subsamples, GloVe)")
  @Default.Long(0)
  long getSeed();

  void setSeed(long value);

  @Description("frames with an OpenFace confidence below this are removed")
  @Default.Double(0.9)
  double getMinConfidence();

  void setMinConfidence(double value);

  @Description("a gap longer than this many seconds splits a track into separate sequences")
  @Default.Double(2.0)
  double getMaxGapSeconds();

  void setMaxGapSeconds(double value);

  @Description("most Lloyd iterations of each k-means fit")
  @Default.Integer(100)
  int getMaxIterations();

  void setMaxIterations(int value);

  @Description("k-means stops when inertia falls by less than this fraction in an iteration")
  @Default.Double(1e-4)
  double getTolerance();

  void setTolerance(double value);

  @Description("frames sampled for the k-means++ initialisation")
  @Default.Integer(100_000)
  int getInitSampleSize();

  void setInitSampleSize(int value);

  @Description("fit k-means on a seeded sample of this many frames; 0: all frames")
  @Default.Integer(0)
  int getMaxFitFrames();

  void setMaxFitFrames(int value);

  @Description(
      "where the k-means centroid update runs: device (DJL NDArray operations, GPU when present) or"
          + " host (plain Java, faster on a CPU)")
  @Default.String("device")
  String getCentroidUpdate();

  void setCentroidUpdate(String value);

  @Description("a frame further than this from its centre becomes <unk>")
  @Default.Double(1.75)
  double getDistanceThreshold();

  void setDistanceThreshold(double value);

  @Description("a frame whose cluster holds this many frames or fewer becomes <unk>")
  @Default.Long(500)
  long getCountThreshold();

  void setCountThreshold(long value);

  @Description("co-occurrence window, in 5 fps positions on each side")
  @Default.Integer(10)
  int getWindow();

  void setWindow(int value);

  @Description("co-occurrence weighting: uniform (the paper's) or harmonic (1/distance, GloVe's)")
  @Default.String("uniform")
  String getWeighting();

  void setWeighting(String value);

  @Description("GloVe dimensions, comma-separated")
  @Default.String("25,50,100,200")
  String getDimensions();

  void setDimensions(String value);

  @Description("GloVe epochs")
  @Default.Integer(50)
  int getEpochs();

  void setEpochs(int value);
}
