package io.auglove.runners;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.apache.beam.sdk.harness.JvmInitializer;

/**
 * DJL's settings for every JVM that runs the pipelines: offline (a missing native library fails
 * fast instead of being downloaded) and one PyTorch thread per call (the runner's worker threads
 * already use the cores, and PyTorch's own pool on top of them slows each call several times).
 *
 * <p>Beam runs this before anything else on workers that no script of ours starts: the Java SDK
 * harness of Dataflow (and of any portable runner) calls every {@link JvmInitializer} listed in
 * {@code META-INF/services} when its JVM starts. {@link Launcher} applies the same settings to the
 * JVM of {@code ./auglove}. A value already set, with {@code -D} or by an earlier initializer, is
 * kept, so that a user can still choose another.
 */
public final class DjlSettings implements JvmInitializer {

  /** The system properties and their values, each applied when the property is not set. */
  public static final ImmutableMap<String, String> PROPERTIES =
      ImmutableMap.of(
          "ai.djl.offline", "true",
          "ai.djl.pytorch.num_threads", "1",
          "ai.djl.pytorch.num_interop_threads", "1");

  @Override
  public void onStartup() {
    apply();
  }

  /** Sets each of {@link #PROPERTIES} that is not set yet. */
  public static void apply() {
    for (Map.Entry<String, String> property : PROPERTIES.entrySet()) {
      if (System.getProperty(property.getKey()) == null) {
        System.setProperty(property.getKey(), property.getValue());
      }
    }
  }
}
