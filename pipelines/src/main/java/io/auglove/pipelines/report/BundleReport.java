package io.auglove.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auglove.pipelines.bundle.BundleFiles;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Manifest;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.bundle.VocabularyBundle;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.pipelines.output.StagedOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Writes the report of a vocabulary bundle: {@code report.html} and its PNG figures, as an output
 * like every other: staged, published whole, with a {@code manifest.json} written last.
 *
 * <pre>{@code
 * String folder = BundleReport.write(options);   // ./auglove report --bundle=... --output=...
 * }</pre>
 */
public final class BundleReport {

  private BundleReport() {}

  /**
   * Reads and checks the bundle (and the featurize output, if given), then writes the report.
   *
   * @return the report's folder
   * @throws IllegalArgumentException in one line if an option, the bundle or the featurize output
   *     is bad, or the output exists without {@code --overwrite}
   * @throws IOException if a file cannot be read or written
   */
  public static String write(ReportOptions options) throws IOException {
    checkArgument(
        options.getTimelineRecordings() >= 1,
        "--timelineRecordings=%s: give at least 1",
        options.getTimelineRecordings());
    FileSystems.setDefaultPipelineOptions(options);
    VocabularyBundle bundle = VocabularyBundle.read(options.getBundle());
    JsonNode manifest =
        Json.read(
            String.join("\n", Paths.readLines(Paths.resolve(bundle.path(), BundleFiles.MANIFEST))));
    List<Timelines.Recording> timelines =
        options.getFeatures() == null
            ? null
            : Timelines.read(options.getFeatures(), bundle, options.getTimelineRecordings());
    byte[] elbow = elbowPng(bundle.path(), manifest);
    BundlePage.Written page =
        BundlePage.write(bundle, manifest, elbow, timelines, options.getSeed());

    StagedOutput output =
        StagedOutput.begin(options.getOutput(), options.getOverwrite(), StagedOutput.newRunId());
    try {
      Map<String, String> files = new TreeMap<>();
      page.figures()
          .forEach((name, png) -> files.put(name, Paths.write(output.stagingPath(name), png)));
      files.put(ReportFiles.PAGE, Paths.write(output.stagingPath(ReportFiles.PAGE), page.html()));
      OutputManifest.write(
          output.stagingFolder(), manifestText(bundle, options.getFeatures(), files));
      output.publish();
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw e;
    }
    return options.getOutput();
  }

  /**
   * The bundle's elbow plot, or null when its manifest lists none (centres given, not fitted). The
   * bundle's files were verified against the manifest as it was read.
   */
  private static byte[] elbowPng(String bundle, JsonNode manifest) throws IOException {
    if (!manifest.path(OutputManifest.FILES).has(BundleFiles.ELBOW_PLOT)) {
      return null;
    }
    String path = Paths.resolve(bundle, BundleFiles.ELBOW_PLOT);
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      return in.readAllBytes();
    }
  }

  private static String manifestText(
      VocabularyBundle bundle, String features, Map<String, String> files) {
    ObjectNode manifest = Json.object();
    manifest.put("format", "auglove-report");
    manifest.put("format_version", 1);
    manifest.set("software", Manifest.software());
    manifest.put("bundle", bundle.path());
    manifest.put("bundle_manifest_sha256", bundle.manifestSha256());
    if (features != null) {
      manifest.put("features", features);
    }
    files.forEach(manifest.putObject(OutputManifest.FILES)::put);
    return Json.write(manifest);
  }
}
