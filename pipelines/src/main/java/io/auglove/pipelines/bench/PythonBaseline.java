package io.auglove.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code vocabulary_baseline.py}, the same stages written with pandas and scikit-learn, on the
 * same files, and reads the JSON it writes: its seconds per stage, its peak memory and the counts
 * it found.
 */
final class PythonBaseline {

  private final PythonScript script;

  /**
   * @param python the interpreter with pandas and scikit-learn (Debian's {@code python3-pandas} and
   *     {@code python3-sklearn})
   * @param work a folder for the script and its output
   */
  PythonBaseline(String python, Path work) {
    this.script = new PythonScript(python, work);
  }

  /**
   * Checks that the interpreter has the baseline's packages.
   *
   * @throws IllegalArgumentException naming the Debian packages to install
   */
  void check() throws IOException, InterruptedException {
    script.requireModules("pandas", "sklearn");
  }

  /**
   * The baseline's JSON for the corpus under {@code input}.
   *
   * @param counts the cluster counts file; null: the corpus's own counts
   * @throws IOException if the interpreter cannot start or the script fails (its output says why)
   */
  JsonNode run(
      String input,
      String centroids,
      String counts,
      double distanceThreshold,
      long countThreshold,
      int window)
      throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--input=" + input,
                "--centroids=" + centroids,
                "--distance-threshold=" + distanceThreshold,
                "--count-threshold=" + countThreshold,
                "--window=" + window));
    if (counts != null) {
      arguments.add("--counts=" + counts);
    }
    return script.run("vocabulary_baseline.py", arguments);
  }
}
