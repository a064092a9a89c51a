package io.auglove.pipelines.bench;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One of the bench's Python baselines (a script among this package's resources), run by a given
 * interpreter in a work folder: the script is copied there, its output goes to a log beside it, and
 * the JSON it writes to {@code --output} is what it returns.
 */
final class PythonScript {

  private final String python;
  private final Path work;

  /**
   * @param python the interpreter with the script's packages (Debian's {@code python3-*})
   * @param work a folder for the script, its log and its JSON
   */
  PythonScript(String python, Path work) {
    this.python = python;
    this.work = work;
  }

  /**
   * Checks that the interpreter imports {@code modules}, before any baseline is timed.
   *
   * @throws IllegalArgumentException (a user's error: one line, exit 2) naming what is missing and
   *     the Debian packages that bring it
   */
  void requireModules(String... modules) throws IOException, InterruptedException {
    String imports = String.join(", ", modules);
    Process process;
    try {
      process =
          new ProcessBuilder(python, "-c", "import " + imports).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot start --python=" + python + ": " + e.getMessage(), e);
    }
    String text =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      String lastLine = text.substring(text.lastIndexOf('\n') + 1);
      String packages =
          Arrays.stream(modules).map(module -> "python3-" + module).collect(joining(" "));
      throw new IllegalArgumentException(
          String.format(
              "--python=%s cannot import %s (%s): install them (apt-get install -y %s) or name"
                  + " another interpreter with --python",
              python, imports, lastLine, packages));
    }
  }

  /**
   * Runs {@code script} with {@code arguments} and {@code --output=<work>/<script>.json}.
   *
   * @throws IOException if the interpreter cannot start or the script fails (with the last line of
   *     its log, which says why)
   */
  JsonNode run(String script, List<String> arguments) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path copy = work.resolve(script);
    try (InputStream in = PythonScript.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalStateException("no script " + script + " among the bench's resources");
      }
      Files.write(copy, in.readAllBytes());
    }
    String name = script.replaceFirst("\\.py$", "");
    Path output = work.resolve(name + ".json");
    Files.deleteIfExists(output);
    List<String> command = new ArrayList<>(List.of(python, copy.toString()));
    command.addAll(arguments);
    command.add("--output=" + output);
    Path log = work.resolve(name + ".log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IOException(
          "cannot start " + python + " for the Python baseline (--python): " + e.getMessage(), e);
    }
    int status = process.waitFor();
    if (status != 0) {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
      throw new IOException(
          "the Python baseline "
              + script
              + " failed (exit "
              + status
              + "): "
              + last
              + " (log: "
              + log
              + ")");
    }
    return Json.read(Files.readString(output, StandardCharsets.UTF_8));
  }
}
