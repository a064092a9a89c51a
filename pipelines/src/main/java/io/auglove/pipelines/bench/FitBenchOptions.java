package io.auglove.pipelines.bench;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@code auglove bench --fits} and {@code --sweep}: k-means and GloVe alone against
 * scikit-learn and numba. A size left unset is the full run's, or {@code --quick}'s ({@link
 * FitSettings}).
 */
public interface FitBenchOptions extends PipelineOptions {

  @Description(
      "time k-means and GloVe alone against scikit-learn and numba (Debian's python3-sklearn,"
          + " python3-numba) instead of the pipeline")
  @Default.Boolean(false)
  boolean getFits();

  void setFits(boolean value);

  @Description(
      "run the k-means sweep over these k on --fitFrames frames instead (a bounded fit to"
          + " convergence per k, checked against plain Lloyd's first iterations)")
  List<Integer> getSweep();

  void setSweep(List<Integer> value);

  @Description(
      "frames of the k-means speed figures and of the sweep (none: "
          + FitSettings.FRAMES
          + ", or "
          + FitSettings.QUICK_FRAMES
          + " with --quick)")
  Integer getFitFrames();

  void setFitFrames(Integer value);

  @Description("k of the k-means speed figures (none: " + FitSettings.K + ")")
  Integer getFitK();

  void setFitK(Integer value);

  @Description(
      "frames of the k-means quality figures, the first of --fitFrames (none: "
          + FitSettings.QUALITY_FRAMES
          + ", or "
          + FitSettings.QUICK_QUALITY_FRAMES
          + " with --quick)")
  Integer getQualityFrames();

  void setQualityFrames(Integer value);

  @Description(
      "k of the k-means quality figures (none: "
          + FitSettings.QUALITY_KS
          + ", or "
          + FitSettings.QUICK_QUALITY_KS
          + " with --quick)")
  List<Integer> getQualityKs();

  void setQualityKs(List<Integer> value);

  @Description(
      "generated tokens whose window counts GloVe fits (none: "
          + FitSettings.GLOVE_TOKENS
          + ", or "
          + FitSettings.QUICK_GLOVE_TOKENS
          + " with --quick)")
  Integer getGloveTokens();

  void setGloveTokens(Integer value);

  @Description("dimensions of the GloVe figures (none: " + FitSettings.GLOVE_DIMENSIONS + ")")
  List<Integer> getFitDimensions();

  void setFitDimensions(List<Integer> value);
}
