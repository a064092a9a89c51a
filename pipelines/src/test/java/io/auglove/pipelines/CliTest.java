package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.cli.BenchOptions;
import io.auglove.pipelines.cli.DemoOptions;
import io.auglove.pipelines.cli.GenerateOptions;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.Description;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path folder;

  @Test
  void everyCommandsHelpListsEveryOptionWithItsDefault() {
    Map<String, Class<?>> commands =
        Map.of(
            "generate", GenerateOptions.class,
            "vocabulary", VocabularyOptions.class,
            "demo", DemoOptions.class,
            "bench", BenchOptions.class);
    for (Map.Entry<String, Class<?>> command : commands.entrySet()) {
      Corpora.Run help = Corpora.cli(command.getKey(), "--help");
      assertEquals(0, help.exitCode());
      int options = 0;
      for (Method getter : command.getValue().getDeclaredMethods()) {
        if (getter.getAnnotation(Description.class) == null) {
          continue;
        }
        options++;
        String property = getter.getName().substring(3).replaceFirst("^(Demo|Bench)", "");
        String kebab = property.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        assertTrue(help.out().contains("--" + kebab + "=<"), command.getKey() + ": --" + kebab);
      }
      long listed =
          help.out().lines().filter(l -> l.startsWith("  --") && l.contains("=<")).count();
      long runner = Set.of("generate", "bench").contains(command.getKey()) ? 0 : 1;
      assertEquals(options + runner, listed, help.out());
      assertEquals(
          options,
          help.out().lines().filter(l -> l.matches(".*\\((default: .*|required)\\)$")).count(),
          help.out());
    }
    Corpora.Run vocabulary = Corpora.cli("vocabulary", "--help");
    assertTrue(vocabulary.out().contains("(default: 25,50,100,200)"));
    assertTrue(vocabulary.out().contains("--runner=<DirectRunner|FlinkRunner|DataflowRunner>"));
  }

  @Test
  void badOptionsGiveAOneLineReasonAndExitCode2() {
    List<String[]> bad =
        List.of(
            new String[] {"vocabulary", "--output=/tmp/x"},
            new String[] {"vocabulary", "--input=/nowhere", "--output=/tmp/x"},
            new String[] {"vocabulary", "--input=" + folder, "--output=/tmp/x", "--nonsense=1"},
            new String[] {"generate", "--output=" + folder, "--videos=0"},
            new String[] {"generate", "--output=" + folder, "--videos=two"},
            new String[] {"demo", "--k=5", "--k=6"},
            new String[] {"nonsense"});
    for (String[] args : bad) {
      Corpora.Run run = Corpora.cli(args);
      assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().startsWith("auglove"), run.err());
    }
    assertTrue(
        Corpora.cli("vocabulary", "--input=/nowhere", "--output=/tmp/x")
            .err()
            .contains("no OpenFace files at --input=/nowhere"));
  }

  @Test
  void badValuesNameTheOption() throws IOException {
    Path input = Corpora.generate(folder.resolve("c"), 1, 1);
    String[][] cases = {
      {"--k=10,x", "--k=10,x: 'x' is not a whole number"},
      {"--vocab-k=7", "--vocab-k=7 is not one of --k=100,200,500,1000,2000,5000,10000"},
      {"--weighting=cubic", "--weighting=cubic is not one of uniform, harmonic"},
      {"--centroid-update=gpu", "--centroid-update=gpu is not one of device, host"},
      {"--min-confidence=2", "--min-confidence must be within 0..1, got 2.0"},
      {"--counts=" + input, "--counts needs --centroids"},
    };
    for (String[] c : cases) {
      Corpora.Run run =
          Corpora.cli("vocabulary", "--input=" + input, "--output=" + folder.resolve("b"), c[0]);
      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().contains(c[1]), run.err());
    }
  }

  @Test
  void generateIsDeterministicForASeed() throws IOException {
    Path a = folder.resolve("a");
    Path b = folder.resolve("b");
    for (Path out : List.of(a, b)) {
      Corpora.Run run =
          Corpora.cli(
              "generate", "--output=" + out, "--videos=3", "--min-seconds=5", "--max-seconds=8");
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().startsWith("Wrote 3 recordings"), run.out());
    }
    assertArrayEquals(
        Files.readAllBytes(a.resolve("labels.csv")), Files.readAllBytes(b.resolve("labels.csv")));
    try (var files = Files.list(a.resolve("recordings"))) {
      for (Path file : files.toList()) {
        assertArrayEquals(
            Files.readAllBytes(file),
            Files.readAllBytes(b.resolve("recordings").resolve(file.getFileName())));
      }
    }
  }
}
