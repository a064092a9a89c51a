package io.auglove.pipelines.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names only: nothing here touches a file system or the network. */
class OutputLocationTest {

  @Test
  void aGcsOutputKeepsItsSiblingsInTheSameFolderWithOrWithoutATrailingSlash() {
    for (String given : List.of("gs://bucket/a/b", "gs://bucket/a/b/", "gs://bucket/a/b//")) {
      OutputLocation location = OutputLocation.of(given);

      assertFalse(location.isLocal());
      assertEquals(given, location.given());
      assertEquals("gs://bucket/a/b", location.output(), given);
      assertEquals("gs://bucket/a/b/", location.outputFolder(), given);
      assertEquals("gs://bucket/a/", location.parentFolder(), given);
      assertEquals("gs://bucket/a/.b.auglove-lock", location.lock(), given);
      assertEquals("gs://bucket/a/.b.auglove-staging-r1", location.staging("r1"), given);
      assertEquals("gs://bucket/a/.b.auglove-old-r1", location.old("r1"), given);
      assertEquals(
          "gs://bucket/a/.b.auglove-staging-r1/",
          new PublishByCopy(location).stagingFolder("r1"),
          given);
    }
  }

  @Test
  void aGcsOutputAtTheTopOfABucketKeepsItsSiblingsThere() {
    OutputLocation location = OutputLocation.of("gs://bucket/b");

    assertEquals("gs://bucket/", location.parentFolder());
    assertEquals("gs://bucket/.b.auglove-lock", location.lock());
  }

  @Test
  void aBucketItselfIsNotAnOutput() {
    for (String bucket : List.of("gs://bucket", "gs://bucket/", "gs://")) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> OutputLocation.of(bucket));
      assertTrue(
          refused.getMessage().startsWith("output " + bucket + " is a bucket, not a folder in it"),
          refused.getMessage());
    }
  }

  @Test
  void aLocalOutputIsAbsoluteAndNormalised() {
    Path working = Path.of("").toAbsolutePath();
    for (String given :
        List.of("out/b", "out/b/", "./out/x/../b", "file://" + working + "/out/b")) {
      OutputLocation location = OutputLocation.of(given);

      assertTrue(location.isLocal(), given);
      assertEquals(working.resolve("out/b").toString(), location.output(), given);
      assertEquals(working.resolve("out") + "/", location.parentFolder(), given);
      assertEquals(working.resolve("out/.b.auglove-lock").toString(), location.lock(), given);
      assertEquals(
          working.resolve("out/.b.auglove-staging-r").toString(), location.staging("r"), given);
      assertEquals(working.resolve("out/.b.auglove-old-r").toString(), location.old("r"), given);
    }
  }

  @Test
  void wildcardsAndRootsAreRefused() {
    assertEquals(
        "output out/b* holds a wildcard (* ? [ {): give one folder",
        assertThrows(IllegalArgumentException.class, () -> OutputLocation.of("out/b*"))
            .getMessage());
    assertEquals(
        "output / is the root of its file system: give a folder inside it",
        assertThrows(IllegalArgumentException.class, () -> OutputLocation.of("/")).getMessage());
    assertEquals(
        "the output path is empty",
        assertThrows(IllegalArgumentException.class, () -> OutputLocation.of(" ")).getMessage());
  }
}
