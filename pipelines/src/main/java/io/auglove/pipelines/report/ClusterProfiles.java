package io.auglove.pipelines.report;

import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import io.auglove.models.Tokens;
import io.auglove.models.Vocabulary;
import io.auglove.transforms.records.ClusterCounts;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The clusters of a vocabulary as a reader looks at them: each non-empty centre's AU profile, its
 * frame count, whether it is a token of the vocabulary, and its dominant AU, the one figure every
 * map and timeline of a report is coloured by.
 */
final class ClusterProfiles {

  /** Below this intensity in every AU a centre is a neutral face, with no dominant AU. */
  static final double NEUTRAL_BELOW = 0.5;

  /** The colour of tokens that are no cluster ({@code <unk>}, {@code <START>}, {@code <END>}). */
  static final Color NO_CLUSTER = new Color(199, 199, 199);

  private static final Color NEUTRAL = new Color(127, 127, 127);

  /**
   * One cluster.
   *
   * @param token its token, {@code c<id>}
   * @param inVocabulary whether the vocabulary kept it (frames of the other clusters are {@code
   *     <unk>})
   * @param dominant the index of its strongest AU, or -1 for a neutral face
   */
  record Cluster(
      int id, String token, float[] centre, long count, boolean inVocabulary, int dominant) {}

  private final List<Cluster> byCount;

  private ClusterProfiles(List<Cluster> byCount) {
    this.byCount = List.copyOf(byCount);
  }

  /** The non-empty centres of {@code centroids}, with their counts. */
  static ClusterProfiles of(Centroids centroids, ClusterCounts counts, Vocabulary vocabulary) {
    List<Cluster> clusters = new ArrayList<>();
    for (int c = 0; c < centroids.k(); c++) {
      if (centroids.isEmpty(c)) {
        continue;
      }
      float[] centre = centroids.row(c);
      clusters.add(
          new Cluster(
              c,
              Tokens.text(c),
              centre,
              counts.count(c),
              vocabulary.contains(c),
              dominant(centre)));
    }
    clusters.sort(
        Comparator.comparingLong(Cluster::count).reversed().thenComparingInt(Cluster::id));
    return new ClusterProfiles(clusters);
  }

  /**
   * The index of the strongest AU of {@code centre}, or -1 if none reaches {@link #NEUTRAL_BELOW}.
   */
  static int dominant(float[] centre) {
    int best = 0;
    for (int a = 1; a < centre.length; a++) {
      if (centre[a] > centre[best]) {
        best = a;
      }
    }
    return centre[best] < NEUTRAL_BELOW ? -1 : best;
  }

  /** The clusters, the largest first (ties by id). */
  List<Cluster> byCount() {
    return byCount;
  }

  /** The cluster of token code {@code code}, or null for a special token or an unknown id. */
  Cluster cluster(int code) {
    return byCount.stream().filter(c -> c.id() == code).findFirst().orElse(null);
  }

  /** The legend name of dominant AU {@code dominant}: an AU and its FACS name, or neutral. */
  static String dominantName(int dominant) {
    return dominant < 0 ? "neutral (no AU >= " + NEUTRAL_BELOW + ")" : ActionUnits.label(dominant);
  }

  /** The colour of dominant AU {@code dominant}. */
  static Color colour(int dominant) {
    return dominant < 0 ? NEUTRAL : Charts.colour(dominant);
  }
}
