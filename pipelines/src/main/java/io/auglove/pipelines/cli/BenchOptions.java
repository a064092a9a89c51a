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
   * Runs of each corpus with {@code --scaling}: a corpus's first runs are often its slowest, even
   * after the warm-up (2M rows: 2.3 s, 2.0 s, 1.3 s, 1.3 s, 1.3 s).
   */
  int DEFAULT_REPEATS = 5;

  /**
   * Runs of {@link #WARM_UP_CORPUS} before any corpus is counted: the runner's per-bundle code is
   * compiled only after some tens of runs (0.5M rows took 1.2 s in the first run, 0.7 s to 0.8 s in
   * the 4th to 8th, 0.5 s from about the 30th on).
   */
  int DEFAULT_WARM_UPS = 40;

  /** The corpus of the warm-up runs: small, so that tens of runs take seconds. */
  String WARM_UP_CORPUS = "100000:60";

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

  @Description(
      "runs of a small corpus (" + WARM_UP_CORPUS + ") with --scaling before any is counted")
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
