package io.auglove.pipelines.input;

import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.util.List;

/** Turns an {@code --input} (a file, a glob, or a folder) into the file patterns to read. */
public final class InputFiles {

  private InputFiles() {}

  /**
   * The patterns of {@code input}: a glob or a file as it is; a folder as its {@code *.csv} and
   * {@code *.csv.gz} files at any depth.
   *
   * @throws IllegalArgumentException if nothing matches
   */
  public static List<String> patterns(String input) throws IOException {
    List<String> patterns;
    if (Paths.isGlob(input) || Paths.match(input).size() == 1) {
      patterns = List.of(input);
    } else {
      String folder = input.endsWith("/") ? input : input + "/";
      patterns = List.of(folder + "**.csv", folder + "**.csv.gz");
    }
    for (String pattern : patterns) {
      if (!Paths.match(pattern).isEmpty()) {
        return patterns;
      }
    }
    throw new IllegalArgumentException(
        "no OpenFace files at --input="
            + input
            + (Paths.isGlob(input) ? "" : " (as a folder: no *.csv or *.csv.gz under it)"));
  }
}
