package io.auglove.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cloud Storage path that cannot be used stops a command in one line, soon: whether the machine
 * reaches no network (the probe's deadline), or reaches Cloud Storage without credentials or
 * without the bucket (its answer).
 */
class UnreachableStorageTest {

  private static final String INPUT = "gs://auglove-no-such-bucket-for-tests/recordings/*.csv";

  @TempDir Path folder;

  @Test
  void aCloudStorageInputThatCannotBeReadStopsTheCommandInOneLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();

    int code =
        Cli.run(
            new String[] {
              "vocabulary", "--input=" + INPUT, "--output=" + folder.resolve("bundle"), "--k=4"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    double seconds = (System.nanoTime() - start) / 1e9;
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains(INPUT), message);
    assertTrue(seconds < 45, "stopped after " + seconds + " s: " + message);
  }
}
