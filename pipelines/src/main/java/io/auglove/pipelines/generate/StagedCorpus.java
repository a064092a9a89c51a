package io.auglove.pipelines.generate;

import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.pipelines.output.StagedOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a generated corpus as an output like the others: into a staging folder, with a {@code
 * manifest.json} of its spec and every file's SHA-256, published whole on success, so that a corpus
 * folder never holds the recordings of an earlier, different corpus beside its own.
 */
public final class StagedCorpus {

  private StagedCorpus() {}

  /**
   * Generates the corpus of {@code spec} and publishes it as {@code folder}.
   *
   * @param overwrite whether an existing, non-empty {@code folder} may be replaced (whole)
   * @throws IllegalArgumentException if {@code folder} exists, is not empty and {@code overwrite}
   *     is false
   */
  public static CorpusSummary write(CorpusSpec spec, String folder, boolean overwrite)
      throws IOException {
    StagedOutput output = StagedOutput.begin(folder, overwrite, StagedOutput.newRunId());
    try {
      String staging = output.stagingFolder();
      CorpusSummary summary = CorpusGenerator.write(spec, staging);
      List<String> names = new ArrayList<>();
      for (CorpusSummary.WrittenFile file : summary.recordings()) {
        names.add("recordings/" + fileName(file.path()));
      }
      names.add(fileName(summary.labels().path()));
      var manifest = Json.object();
      manifest.put("spec", spec.toString());
      manifest.putPOJO(OutputManifest.FILES, OutputManifest.hashes(staging, names));
      OutputManifest.write(staging, Json.write(manifest));
      output.publish();
      return summary;
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw e;
    }
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
