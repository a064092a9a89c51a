package io.auglove.models.kmeans;

/**
 * Told of each Lloyd iteration of a {@link KMeans} fit, on the thread that runs the fit: to show
 * progress, record a curve, or keep an eye on reseeding.
 *
 * <pre>{@code
 * List<KMeansIteration> seen = new ArrayList<>();
 * KMeans.builder().setK(1000).optListener(seen::add).build().fit(frames, rows, 17);
 * }</pre>
 */
@FunctionalInterface
public interface KMeansListener {

  /** Does nothing. */
  KMeansListener NONE = iteration -> {};

  /** Called once the iteration's assignment to the updated centres is known. */
  void onIteration(KMeansIteration iteration);
}
