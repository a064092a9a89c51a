package io.auglove.pipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.BundleFiles;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Prints what a bundle holds, from its manifest: the console summary of a vocabulary run. */
final class BundleSummary {

  private BundleSummary() {}

  /** Prints the summary of the bundle at {@code bundle}; {@code seconds} is the run's wall time. */
  static void print(String bundle, double seconds, PrintStream out) throws IOException {
    JsonNode manifest =
        Json.read(String.join("\n", Paths.readLines(Paths.resolve(bundle, BundleFiles.MANIFEST))));
    JsonNode totals = manifest.path("quality").path("totals");
    JsonNode vocabulary = manifest.path("vocabulary");
    JsonNode unk = vocabulary.path("unk");
    List<String> files = new ArrayList<>();
    manifest.path("files").fieldNames().forEachRemaining(files::add);
    files.add(BundleFiles.MANIFEST);

    out.println("Bundle: " + bundle);
    out.println("  files: " + String.join(", ", files));
    out.printf(
        "  input: %d files (%d refused), %,d rows read, %,d rejected, %,d frames kept at 5 fps in %,d"
            + " sequences%n",
        totals.path("files").asLong(),
        totals.path("files_refused").asLong(),
        totals.path("read").asLong(),
        totals.path("rejected").asLong(),
        totals.path("kept").asLong(),
        totals.path("sequences").asLong());
    out.println("  k-means: " + manifest.path("kmeans").path("reason").asText());
    out.printf(
        "  vocabulary: %d tokens (%d clusters and the special tokens); <unk> %.1f%% of frames (%,d"
            + " by distance > %s, %,d by count <= %s)%n",
        vocabulary.path("size").asInt(),
        vocabulary.path("cluster_tokens").asInt(),
        100 * unk.path("share").asDouble(),
        unk.path("by_distance").asLong(),
        unk.path("distance_threshold").asText(),
        unk.path("by_count").asLong(),
        unk.path("count_threshold").asText());
    StringBuilder losses = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> finalLoss =
        manifest.path("glove").path("final_loss").fields();
    while (finalLoss.hasNext()) {
      Map.Entry<String, JsonNode> entry = finalLoss.next();
      losses.append(String.format(" d=%s %.4g", entry.getKey(), entry.getValue().asDouble()));
    }
    out.println(
        "  GloVe loss after "
            + manifest.path("glove").path("epochs").asInt()
            + " epochs:"
            + losses);
    JsonNode warnings = manifest.path("warnings");
    for (JsonNode warning : warnings) {
      out.println("  warning: " + warning.asText());
    }
    out.printf(
        "  time: %.1f s, %,.0f rows/s read%n", seconds, totals.path("read").asLong() / seconds);
  }
}
