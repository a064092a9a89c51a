package io.auglove.pipelines.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
    String manifestFile = Paths.resolve(folder, FeatureFiles.MANIFEST);
    if (Paths.match(manifestFile).isEmpty()) {
      throw new IllegalArgumentException(
          folder
              + " is not a complete featurize output: it has no "
              + FeatureFiles.MANIFEST
              + " (written last, when a run succeeds)");
    }
    JsonNode manifest = Json.read(String.join("\n", Paths.readLines(manifestFile)));
    if (!"auglove-features".equals(manifest.path("format").asText())) {
      throw new IllegalArgumentException(manifestFile + " is not a featurize output's manifest");
    }
    List<String> shards = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> files = manifest.path("files").fields();
    while (files.hasNext()) {
      Map.Entry<String, JsonNode> file = files.next();
      String path = Paths.resolve(folder, file.getKey());
      if (Paths.match(path).isEmpty()) {
        throw new IllegalArgumentException(path + " is listed in its manifest but missing");
      }
      String actual = Paths.sha256(path);
      if (!actual.equals(file.getValue().asText())) {
        throw new IllegalArgumentException(
            path
                + " does not match its manifest (sha256 "
                + actual
                + "): it was changed after featurize wrote it");
      }
      if (file.getKey().startsWith(FeatureFiles.SEQUENCES + "-")) {
        shards.add(path);
      }
    }
    return shards;
  }
}
