package io.auglove.pipelines.bench;

import io.auglove.transforms.AssignCluster;
import io.auglove.transforms.Downsample5fps;
import io.auglove.transforms.FilterConfidence;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.ReadOpenFace;
import io.auglove.transforms.WindowCooccur;

/**
 * The stages the benchmark times, each with its transform (whose {@link
 * io.auglove.transforms.BusyTime} says how long it took) and the stage of the Python baseline's
 * JSON that does the same work, if any.
 */
public enum Stage {
  READ("read", ReadOpenFace.class, "read"),
  FILTER("filter", FilterConfidence.class, "filter"),
  DOWNSAMPLE("5 fps", Downsample5fps.class, "downsample"),
  ASSIGN("assign", AssignCluster.class, "assign"),
  COOCCUR("co-occurrence", WindowCooccur.class, "cooccur"),
  GLOVE("GloVe", GloveFit.class, null);

  private final String label;
  private final Class<?> transform;
  private final String baselineKey;

  Stage(String label, Class<?> transform, String baselineKey) {
    this.label = label;
    this.transform = transform;
    this.baselineKey = baselineKey;
  }

  /** The stage's name in tables and plots. */
  public String label() {
    return label;
  }

  /** The transform whose busy time is this stage's. */
  public Class<?> transform() {
    return transform;
  }

  /**
   * Whether the stage handles every row (reading to co-occurrence), so that its cost grows with the
   * corpus.
   */
  public boolean perRow() {
    return this != GLOVE;
  }

  /** The key of this stage in the baseline's {@code seconds}; null when the baseline has none. */
  public String baselineKey() {
    return baselineKey;
  }
}
