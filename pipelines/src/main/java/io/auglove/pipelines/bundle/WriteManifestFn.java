package io.auglove.pipelines.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auglove.pipelines.output.OutputManifest;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes the {@code manifest.json} of an output folder other than a bundle (a featurize or an
 * evaluation folder), once every other file is written: a header, then {@code "files"}, each file's
 * name and SHA-256. Outputs the manifest's path.
 */
public final class WriteManifestFn extends DoFn<String, String> {

  /** The manifest's name in every output folder. */
  public static final String MANIFEST = BundleFiles.MANIFEST;

  private final String folder;
  private final String headerJson;
  private final PCollectionView<Map<String, String>> files;

  /**
   * @param folder where to write it
   * @param headerJson a JSON object whose fields come first
   * @param files every other file's name and SHA-256
   */
  public WriteManifestFn(
      String folder, String headerJson, PCollectionView<Map<String, String>> files) {
    this.folder = folder;
    this.headerJson = headerJson;
    this.files = files;
  }

  @ProcessElement
  public void process(ProcessContext context) throws IOException {
    ObjectNode manifest = (ObjectNode) Json.read(headerJson);
    ObjectNode hashes = manifest.putObject("files");
    new TreeMap<>(context.sideInput(files)).forEach(hashes::put);
    OutputManifest.write(folder, Json.write(manifest));
    context.output(Paths.resolve(folder, MANIFEST));
  }
}
