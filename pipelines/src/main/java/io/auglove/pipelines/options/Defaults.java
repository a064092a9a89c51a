package io.auglove.pipelines.options;

import io.auglove.models.kmeans.CentroidUpdate;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.KMeansFit;
import io.auglove.transforms.WindowCooccur;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The defaults that an annotation cannot hold (lists, enums), each taken from the constant of the
 * transform that uses it.
 */
final class Defaults {

  private Defaults() {}

  /** {@link KMeansFit#PAPER_KS}. */
  static final class PaperKs implements DefaultValueFactory<List<Integer>> {
    @Override
    public List<Integer> create(PipelineOptions options) {
      return new ArrayList<>(KMeansFit.PAPER_KS);
    }
  }

  /** {@link GloveFit#PAPER_DIMENSIONS}. */
  static final class PaperDimensions implements DefaultValueFactory<List<Integer>> {
    @Override
    public List<Integer> create(PipelineOptions options) {
      return new ArrayList<>(GloveFit.PAPER_DIMENSIONS);
    }
  }

  /** {@link KMeansFit#DEFAULT_CENTROID_UPDATE}. */
  static final class CentroidUpdateDefault implements DefaultValueFactory<CentroidUpdate> {
    @Override
    public CentroidUpdate create(PipelineOptions options) {
      return KMeansFit.DEFAULT_CENTROID_UPDATE;
    }
  }

  /** {@link WindowCooccur#DEFAULT_WEIGHTING}. */
  static final class WeightingDefault implements DefaultValueFactory<WindowCooccur.Weighting> {
    @Override
    public WindowCooccur.Weighting create(PipelineOptions options) {
      return WindowCooccur.DEFAULT_WEIGHTING;
    }
  }
}
