package io.auglove.pipelines.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One input file's counts from a quality report ({@code manifest.json}'s {@code "quality"}, or the
 * totals): what was read, kept, filtered by reason and rejected, or why the file was refused.
 *
 * @param error why the file was refused whole, or null
 */
record FileQuality(
    String path,
    long tracks,
    long sequences,
    long read,
    long kept,
    long lowConfidence,
    long successZero,
    long downsampled,
    long rejected,
    String error) {

  /** The files of a quality report, in its order (sorted by path). */
  static List<FileQuality> files(JsonNode quality) {
    List<FileQuality> files = new ArrayList<>();
    for (JsonNode file : quality.path("files")) {
      files.add(of(file.path("path").asText(), file));
    }
    return files;
  }

  /** The totals of a quality report. */
  static FileQuality totals(JsonNode quality) {
    return of("all files", quality.path("totals"));
  }

  private static FileQuality of(String path, JsonNode node) {
    JsonNode filtered = node.path("filtered");
    return new FileQuality(
        path,
        node.path("tracks").asLong(),
        node.path("sequences").asLong(),
        node.path("read").asLong(),
        node.path("kept").asLong(),
        filtered.path("low_confidence").asLong(),
        filtered.path("success_0").asLong(),
        filtered.path("downsampled").asLong(),
        node.path("rejected").asLong(),
        node.hasNonNull("error") ? node.path("error").asText() : null);
  }

  /** The file's name without its folders. */
  String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  boolean refused() {
    return error != null;
  }
}
