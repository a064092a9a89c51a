package io.auglove.models.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a reference script of {@code models/src/test/python} and reads the JSON it prints. */
final class Python {

  private Python() {}

  /** Debian's interpreter, where python3-sklearn and python3-numba install. */
  static final String INTERPRETER = "/usr/bin/python3";

  static JsonNode run(String script, List<String> arguments) throws IOException {
    Path path = Path.of("src/test/python", script);
    if (!Files.exists(path)) {
      path = Path.of("models/src/test/python", script);
    }
    List<String> command = new ArrayList<>(List.of(INTERPRETER, path.toString()));
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int status = process.waitFor();
      if (status != 0) {
        throw new IOException(script + " exited with status " + status + ": " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(script + " interrupted", e);
    }
    String[] lines = out.strip().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }
}
