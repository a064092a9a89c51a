package io.auglove.pipelines.output;

import io.auglove.pipelines.bundle.Paths;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The run that {@link KilledRunTest} kills: begins a run over an existing output (with overwrite),
 * writes the files of one generation slowly into staging, writes the manifest and publishes. It
 * prints each stage on its own line as it reaches it, and pauses at the steps of publishing where
 * the previous output is aside, so that a kill lands there.
 *
 * <p>Arguments: output, RENAME or COPY, run id, generation, pause after each file (ms), pause at
 * the publishing steps (ms).
 */
public final class KilledRun {

  static final String BEGUN = "begun";
  static final String MANIFEST_WRITTEN = "manifest-written";
  static final String PUBLISHED = "published";

  private KilledRun() {}

  public static void main(String[] args) throws Exception {
    String output = args[0];
    OutputFiles.Publishing publishing = OutputFiles.Publishing.valueOf(args[1]);
    String run = args[2];
    int generation = Integer.parseInt(args[3]);
    long filePause = Long.parseLong(args[4]);
    long stepPause = Long.parseLong(args[5]);
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    Steps.listen(
        step -> {
          say(step);
          if (step.equals(Steps.OLD_MOVED_ASIDE) || step.equals(Steps.NEW_FILES_COPIED)) {
            pause(stepPause);
          }
        });

    StagedOutput staged = publishing.begin(output, true, run);
    say(BEGUN);
    Map<String, String> files = OutputFiles.generation(generation);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Paths.write(staged.stagingPath(file.getKey()), OutputFiles.bytes(file.getValue()));
      pause(filePause);
    }
    OutputManifest.write(staged.stagingFolder(), OutputFiles.manifestText(files));
    say(MANIFEST_WRITTEN);
    staged.publish();
    say(PUBLISHED);
  }

  private static void say(String stage) {
    System.out.println(stage);
    System.out.flush();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
