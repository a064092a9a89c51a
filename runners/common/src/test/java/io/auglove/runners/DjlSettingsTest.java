package io.auglove.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.beam.sdk.fn.JvmInitializers;
import org.apache.beam.sdk.harness.JvmInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker JVM started without any {@code -D} option gets DJL's settings from Beam's start-up of
 * its JVM initializers, and an option given on the command line wins.
 */
class DjlSettingsTest {

  private static final List<String> KEYS =
      List.of("ai.djl.offline", "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads");

  /** The test JVM's own values (the build sets them), put back after each test. */
  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void startLikeAWorker() {
    for (String key : KEYS) {
      saved.put(key, System.getProperty(key));
      System.clearProperty(key);
    }
  }

  @AfterEach
  void restore() {
    for (String key : KEYS) {
      if (saved.get(key) == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, saved.get(key));
      }
    }
  }

  @Test
  void beamFindsTheInitializerThroughItsServiceFile() {
    assertTrue(
        ServiceLoader.load(JvmInitializer.class).stream()
            .anyMatch(provider -> provider.type() == DjlSettings.class),
        "DjlSettings is not listed in META-INF/services");
  }

  @Test
  void aWorkerStartGivesDjlItsSettings() {
    JvmInitializers.runOnStartup();

    assertEquals("true", System.getProperty("ai.djl.offline"));
    assertEquals("1", System.getProperty("ai.djl.pytorch.num_threads"));
    assertEquals("1", System.getProperty("ai.djl.pytorch.num_interop_threads"));
  }

  @Test
  void aValueGivenOnTheCommandLineIsKept() {
    System.setProperty("ai.djl.pytorch.num_threads", "4");

    JvmInitializers.runOnStartup();

    assertEquals("4", System.getProperty("ai.djl.pytorch.num_threads"));
    assertEquals("1", System.getProperty("ai.djl.pytorch.num_interop_threads"));
  }
}
