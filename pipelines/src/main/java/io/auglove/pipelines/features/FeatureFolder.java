package io.auglove.pipelines.features;

import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.pipelines.output.VerifiedOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A featurize output folder read back: the sequence shards its manifest lists, each checked against
 * its SHA-256, so that a reader takes exactly one run's files and nothing changed since.
 */
public final class FeatureFolder {

  private FeatureFolder() {}

  /** Whether {@code path} looks like a featurize output: a manifest or sequence shards in it. */
  public static boolean isFeatureFolder(String path) throws IOException {
    return !Paths.match(Paths.resolve(path, FeatureFiles.MANIFEST)).isEmpty()
        || !Paths.match(Paths.resolve(path, FeatureFiles.SEQUENCES + "-*.tsv")).isEmpty();
  }

  /**
   * The sequence shards of the featurize output in {@code folder}, as its manifest lists them.
   *
   * @throws IllegalArgumentException naming the folder or file when the manifest is missing (an
   *     output whose run did not finish), is not a featurize manifest, or a file is missing or
   *     differs from its SHA-256
   */
  public static List<String> shards(String folder) throws IOException {
    VerifiedOutput verified = OutputManifest.verify(folder);
    if (!"auglove-features".equals(verified.manifest().path("format").asText())) {
      throw new IllegalArgumentException(
          Paths.resolve(folder, FeatureFiles.MANIFEST) + " is not a featurize output's manifest");
    }
    List<String> shards = new ArrayList<>();
    for (String name : verified.files()) {
      if (name.startsWith(FeatureFiles.SEQUENCES + "-")) {
        shards.add(verified.path(name));
      }
    }
    return shards;
  }
}
