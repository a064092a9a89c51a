package io.auglove.pipelines.cli;

import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A command's log, saved beside its output (local or gs://): the command line, everything the run
 * logs, and what it prints. It is collected in a local temporary file while the command runs and
 * copied when it ends: to {@code <output>.log} when the run succeeded, to {@code
 * <output>.failed.log} when it failed or its input was refused (so that the log of the output that
 * is there stays with it), and nowhere when the command line was refused, which its one-line
 * message says all about.
 */
final class RunLog {

  private final String output;
  private final Path buffer;
  private final OutputStream file;
  private final PrintStream previousErr;
  private final PrintStream out;

  private RunLog(String output, Path buffer, OutputStream file, PrintStream out) {
    this.output = output;
    this.buffer = buffer;
    this.file = file;
    this.previousErr = System.err;
    this.out = new PrintStream(new Tee(out, file), true, StandardCharsets.UTF_8);
    System.setErr(new PrintStream(new Tee(previousErr, file), true, StandardCharsets.UTF_8));
  }

  /** Where the log of a run writing {@code output} goes: {@code <output><suffix>}. */
  static String pathFor(String output, String suffix) {
    String trimmed = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    return trimmed + suffix;
  }

  /**
   * Starts collecting the log of {@code command} with {@code args}, which writes {@code output}.
   */
  static RunLog start(String output, String command, String[] args, PrintStream out)
      throws IOException {
    Path buffer = Files.createTempFile("auglove-" + command + "-", ".log");
    OutputStream file = Files.newOutputStream(buffer);
    file.write(
        ("# " + Instant.now() + " ./auglove " + command + " " + String.join(" ", args) + "\n")
            .getBytes(StandardCharsets.UTF_8));
    return new RunLog(output, buffer, file, out);
  }

  /** The stream the command prints to: the console's, copied into the log. */
  PrintStream out() {
    return out;
  }

  /** {@code console} and the log: what the command prints when it ends. */
  PrintStream err(PrintStream console) {
    return new PrintStream(new Tee(console, file), true, StandardCharsets.UTF_8);
  }

  /**
   * Stops collecting and saves the log of a command that ended with {@code exitCode}, unless it
   * never {@code ran} (its command line was refused).
   */
  void finish(int exitCode, boolean ran) {
    out.flush();
    System.err.flush();
    System.setErr(previousErr);
    String target = exitCode == 0 ? pathFor(output, ".log") : pathFor(output, ".failed.log");
    try {
      file.close();
      if (ran) {
        Paths.write(target, Files.readAllBytes(buffer));
      }
      Files.delete(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("saving the log " + target + " failed: " + e.getMessage(), e);
    }
  }

  /** Writes to two streams; closing it closes neither. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
