package io.auglove.terraform;

import java.nio.file.Path;

/**
 * One problem the check found: where it is and what is wrong.
 *
 * @param file the file, relative to the checked terraform/ folder
 * @param line its 1-based line
 * @param message the problem, naming the offending reference, resource or value
 */
public record Finding(Path file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
