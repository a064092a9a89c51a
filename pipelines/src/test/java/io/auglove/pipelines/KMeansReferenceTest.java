package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import io.auglove.transforms.Downsample5fps;
import io.auglove.transforms.FilterConfidence;
import io.auglove.transforms.KMeansFit;
import io.auglove.transforms.ReadOpenFace;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.Track;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * KMeansFit's inertia on a generated corpus is within 2% of another implementation's (Commons
 * Math's KMeansPlusPlusClusterer: same k, k-means++ initialisation) on the same 5 fps frames.
 */
@ExtendWith(TestPipelineExtension.class)
class KMeansReferenceTest {

  private static final int K = 40;

  @TempDir Path folder;

  @Test
  void inertiaIsWithinTwoPercentOfCommonsMath(TestPipeline pipeline) throws IOException {
    Path input = Corpora.generate(folder, 40, 21);
    PCollection<Track> sequences =
        pipeline
            .apply(ReadOpenFace.from(input + "/*"))
            .get(ReadOpenFace.tracksTag())
            .apply(FilterConfidence.create())
            .get(FilterConfidence.tracksTag())
            .apply(Downsample5fps.create())
            .get(Downsample5fps.tracksTag());
    PCollectionView<List<Track>> frames = sequences.apply(View.asList());
    PCollection<String> comparison =
        sequences
            .apply(KMeansFit.forK(List.of(K)).withSeed(1))
            .apply(ParDo.of(new CompareFn(frames)).withSideInputs(frames))
            .setTypeDescriptor(TypeDescriptors.strings());

    PAssert.thatSingleton(comparison)
        .satisfies(
            text -> {
              String[] figures = text.split(" ");
              double ours = Double.parseDouble(figures[0]);
              double reference = Double.parseDouble(figures[1]);
              System.out.printf(
                  "k = %d on %s frames: inertia %.1f (KMeansFit) vs %.1f (Commons Math, best of"
                      + " 3): ratio %.4f%n",
                  K, figures[2], ours, reference, ours / reference);
              assertTrue(ours <= 1.02 * reference, "ours " + ours + ", reference " + reference);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /**
   * Our fit's inertia, the best of three Commons Math fits on the same frames, and the frame count.
   */
  static final class CompareFn extends DoFn<KMeansFit.Fit, String> {
    private final PCollectionView<List<Track>> frames;

    CompareFn(PCollectionView<List<Track>> frames) {
      this.frames = frames;
    }

    @ProcessElement
    public void process(@Element KMeansFit.Fit fit, ProcessContext context) {
      List<Track> tracks = new ArrayList<>(context.sideInput(frames));
      tracks.sort(Comparator.comparing(Track::id));
      List<DoublePoint> points = new ArrayList<>();
      for (Track track : tracks) {
        for (Frame frame : track.frames()) {
          double[] values = new double[ActionUnits.COUNT];
          for (int a = 0; a < values.length; a++) {
            values[a] = frame.intensity(a);
          }
          points.add(new DoublePoint(values));
        }
      }
      double best = Double.POSITIVE_INFINITY;
      for (int seed = 0; seed < 3; seed++) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        KMeansPlusPlusClusterer<DoublePoint> clusterer =
            new KMeansPlusPlusClusterer<>(
                K, 300, new org.apache.commons.math3.ml.distance.EuclideanDistance(), random);
        double inertia = 0;
        for (CentroidCluster<DoublePoint> cluster : clusterer.cluster(points)) {
          double[] centre = cluster.getCenter().getPoint();
          for (DoublePoint point : cluster.getPoints()) {
            for (int a = 0; a < centre.length; a++) {
              double difference = point.getPoint()[a] - centre[a];
              inertia += difference * difference;
            }
          }
        }
        best = Math.min(best, inertia);
      }
      context.output(fit.inertia() + " " + best + " " + points.size());
    }
  }
}
