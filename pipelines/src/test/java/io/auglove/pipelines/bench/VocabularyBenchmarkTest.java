package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.vocabulary.VocabularyOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyBenchmarkTest {

  private static final Pattern RUN = Pattern.compile("^(.+), run (\\d) of 2: ", Pattern.MULTILINE);

  @TempDir Path folder;

  @Test
  void theCorporaTakeTurnsAndTheirFoldersGoOnceMeasured() throws Exception {
    VocabularyOptions options =
        PipelineOptionsFactory.fromArgs(
                "--k=4", "--dimensions=2", "--epochs=1", "--countThreshold=1")
            .as(VocabularyOptions.class);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    VocabularyBenchmark benchmark =
        new VocabularyBenchmark(
            options, folder, false, new PrintStream(printed, true, StandardCharsets.UTF_8));
    BenchCorpus small = new BenchCorpus(6_000, 3);
    BenchCorpus large = new BenchCorpus(12_000, 6);

    benchmark.scaling(List.of(small, large), new BenchCorpus(3_000, 2), 1, 2);

    Matcher run = RUN.matcher(printed.toString(StandardCharsets.UTF_8));
    StringBuilder order = new StringBuilder();
    while (run.find()) {
      order.append(run.group(1)).append(' ').append(run.group(2)).append('\n');
    }
    String oneFile = new BenchCorpus(2_000, 1).toString();
    assertEquals(
        String.join(
            "\n",
            small + " 1",
            large + " 1",
            small + " 2",
            large + " 2",
            oneFile + " 1",
            oneFile + " 2",
            ""),
        order.toString());
    assertFalse(Files.exists(folder.resolve("corpus-1")));
    assertFalse(Files.exists(folder.resolve("corpus-2")));
    assertTrue(Files.size(folder.resolve("scaling.png")) > 0);
  }
}
