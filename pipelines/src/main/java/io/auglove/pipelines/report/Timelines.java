package io.auglove.pipelines.report;

import io.auglove.models.Tokens;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.bundle.VocabularyBundle;
import io.auglove.pipelines.features.FeatureFiles;
import io.auglove.pipelines.features.FeatureFolder;
import io.auglove.pipelines.features.FeatureRows;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.transforms.records.FeatureSequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Token timelines of a featurize output: for a few recordings, the token of every 5 fps step at its
 * time. The featurize output must come from the report's bundle.
 */
final class Timelines {

  /**
   * Seconds between two 5 fps steps. A sequence's rows give only its start time, so a step's time
   * is the start plus this per step: a tick without a frame inside a sequence shifts later steps.
   */
  static final double STEP_SECONDS = 0.2;

  /** One step of a recording: its time in seconds and its token code. */
  record Step(double seconds, int code) {}

  /** A recording's steps in time order, its sequences joined. */
  record Recording(String name, List<Step> steps) {

    long unknown() {
      return steps.stream().filter(s -> s.code() == Tokens.UNK).count();
    }

    long distinct() {
      return steps.stream().mapToInt(Step::code).distinct().count();
    }

    double seconds() {
      return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).seconds() - steps.get(0).seconds();
    }
  }

  private Timelines() {}

  /**
   * The first {@code count} recordings (by name) of the featurize output {@code folder}.
   *
   * @throws IllegalArgumentException in one line if the folder is not a complete featurize output
   *     of {@code bundle}
   */
  static List<Recording> read(String folder, VocabularyBundle bundle, int count)
      throws IOException {
    List<String> shards = FeatureFolder.shards(folder);
    String bundleSha256 =
        OutputManifest.verify(folder).manifest().path("bundle_manifest_sha256").asText();
    if (!bundleSha256.equals(bundle.manifestSha256())) {
      throw new IllegalArgumentException(
          folder
              + " was featurized with another bundle than "
              + bundle.path()
              + " (its "
              + FeatureFiles.MANIFEST
              + " names bundle manifest "
              + bundleSha256
              + ")");
    }
    Map<String, List<FeatureSequence>> byRecording = new TreeMap<>();
    for (String shard : shards) {
      List<String> lines = Paths.readLines(shard);
      for (int n = 1; n < lines.size(); n++) {
        if (!lines.get(n).isBlank()) {
          FeatureSequence sequence = FeatureRows.parse(lines.get(n), shard + ", line " + (n + 1));
          byRecording
              .computeIfAbsent(sequence.id().recording(), r -> new ArrayList<>())
              .add(sequence);
        }
      }
    }
    List<Recording> recordings = new ArrayList<>();
    for (Map.Entry<String, List<FeatureSequence>> recording : byRecording.entrySet()) {
      if (recordings.size() == count) {
        break;
      }
      List<Step> steps = new ArrayList<>();
      recording.getValue().stream()
          .sorted((a, b) -> Double.compare(a.startSeconds(), b.startSeconds()))
          .forEach(
              sequence -> {
                for (int i = 0; i < sequence.length(); i++) {
                  steps.add(new Step(sequence.startSeconds() + i * STEP_SECONDS, sequence.code(i)));
                }
              });
      recordings.add(new Recording(recording.getKey(), steps));
    }
    return recordings;
  }
}
