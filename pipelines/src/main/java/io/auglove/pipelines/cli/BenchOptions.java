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

  /** Runs of each corpus with {@code --scaling}. */
  int DEFAULT_REPEATS = 3;

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
