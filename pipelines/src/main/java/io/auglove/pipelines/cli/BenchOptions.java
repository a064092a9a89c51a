package io.auglove.pipelines.cli;

import io.auglove.pipelines.bench.FitBenchOptions;
import io.auglove.pipelines.options.AssignmentOptions;
import io.auglove.pipelines.options.CooccurrenceOptions;
import io.auglove.pipelines.options.FilterOptions;
import io.auglove.pipelines.options.GloveOptions;
import io.auglove.pipelines.options.KMeansOptions;
import io.auglove.pipelines.options.OutputOptions;
import io.auglove.pipelines.options.SeedOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code auglove bench}: the corpus's size and shape, the Python baseline, and the
 * vocabulary pipeline's own options under their own names ({@code --centroids} gives the centres;
 * without it, {@code --k} centres are fitted on a separate generated corpus first); or the sizes of
 * the fits' benchmark ({@code --fits}, {@code --sweep}).
 */
public interface BenchOptions
    extends FitBenchOptions,
        FilterOptions,
        KMeansOptions,
        AssignmentOptions,
        CooccurrenceOptions,
        GloveOptions,
        SeedOptions,
        OutputOptions {

  /** The corpus of a plain run. */
  String DEFAULT_CORPUS = "5000000:3000";

  /** The corpus of {@code --quick}. */
  String QUICK_CORPUS = "500000:300";

  /**
   * Runs of each corpus with {@code --scaling}: a corpus's first runs are often its slowest (5M
   * rows: 8.9 s, 8.1 s, 7.6 s, 6.8 s, 7.4 s in one JVM).
   */
  int DEFAULT_REPEATS = 5;

  /**
   * Runs of the first corpus before any is counted: the runner's per-bundle code is compiled only
   * after a few runs (0.5M rows took 1.3 s to 1.5 s in the three runs after one warm-up, 1.0 s to
   * 1.1 s in the seven after those).
   */
  int DEFAULT_WARM_UPS = 4;

  /** The corpora of {@code --scaling}: 0.5M to 10M rows, 300 to 10,000 files. */
  String DEFAULT_SCALING = "500000:300,1000000:600,2000000:1200,5000000:3000,10000000:10000";

  @Description("the generated corpus, as raw rows:files")
  @Default.String(DEFAULT_CORPUS)
  String getCorpus();

  void setCorpus(String value);

  @Description(
      "a run of about a minute: a corpus of "
          + QUICK_CORPUS
          + " instead of --corpus, or, with --fits, the smaller sizes")
  @Default.Boolean(false)
  boolean getQuick();

  void setQuick(boolean value);

  @Description(
      "run the pipeline alone on each of these corpora (rows:files, comma-separated) and plot"
          + " seconds per million rows against size, instead of the table; 'default': "
          + DEFAULT_SCALING)
  String getScaling();

  void setScaling(String value);

  @Description("runs of each corpus with --scaling, the fastest counting")
  @Default.Integer(DEFAULT_REPEATS)
  int getRepeats();

  void setRepeats(int value);

  @Description("runs of the first corpus with --scaling before any is counted")
  @Default.Integer(DEFAULT_WARM_UPS)
  int getWarmUps();

  void setWarmUps(int value);

  @Description("write every FeatureExtraction column (714), not only gaze, pose and AUs")
  @Default.Boolean(false)
  boolean getAllColumns();

  void setAllColumns(boolean value);

  @Description(
      "the Python with pandas, scikit-learn and numba (Debian's python3-pandas, python3-sklearn,"
          + " python3-numba) that runs the baselines")
  @Default.String("/usr/bin/python3")
  String getPython();

  void setPython(String value);
}
