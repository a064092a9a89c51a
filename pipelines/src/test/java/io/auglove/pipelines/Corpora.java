package io.auglove.pipelines;

import io.auglove.pipelines.cli.Cli;
import io.auglove.pipelines.generate.CorpusGenerator;
import io.auglove.pipelines.generate.CorpusSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small generated corpora and vocabulary runs for tests. */
public final class Corpora {

  private Corpora() {}

  /**
   * A corpus of {@code videos} short recordings (20 to 40 s) under {@code folder}; its recordings
   * folder.
   */
  public static Path generate(Path folder, int videos, long seed) throws IOException {
    CorpusGenerator.write(
        CorpusSpec.builder().optVideoCount(videos).optSeed(seed).optDurationSeconds(20, 40).build(),
        folder.toString());
    return folder.resolve("recordings");
  }

  /** What a command printed and returned. */
  public record Run(int exitCode, String out, String err) {}

  /** Runs {@code ./auglove args} in this JVM. */
  public static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Cli.run(args, outStream, errStream);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A quick vocabulary run over {@code input} into {@code bundle} (k 8, 16, 32; GloVe d 4 and 8, 8
   * epochs; count threshold 2), with {@code extra} options added; fails the test if it does not
   * succeed.
   */
  public static Run vocabulary(Path input, Path bundle, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "vocabulary",
                "--input=" + input,
                "--output=" + bundle,
                "--k=8,16,32",
                "--dimensions=4,8",
                "--epochs=8",
                "--countThreshold=2",
                "--seed=3"));
    for (String option : extra) {
      String name = option.split("=", 2)[0] + "=";
      args.removeIf(arg -> arg.startsWith(name));
      args.add(option);
    }
    Run run = cli(args.toArray(new String[0]));
    if (run.exitCode() != 0) {
      throw new AssertionError("vocabulary failed (" + run.exitCode() + "): " + run.err());
    }
    return run;
  }
}
