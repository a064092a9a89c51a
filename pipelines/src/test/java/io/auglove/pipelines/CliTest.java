package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.cli.BenchOptions;
import io.auglove.pipelines.cli.DemoOptions;
import io.auglove.pipelines.cli.ExperimentOptions;
import io.auglove.pipelines.cli.GenerateOptions;
import io.auglove.pipelines.evaluate.EvaluateOptions;
import io.auglove.pipelines.featurize.FeaturizeOptions;
import io.auglove.pipelines.options.OutputOptions;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path folder;

  @Test
  void everyCommandsHelpListsEveryOptionWithItsDefault() {
    Map<String, Class<? extends PipelineOptions>> commands =
        Map.of(
            "generate", GenerateOptions.class,
            "vocabulary", VocabularyOptions.class,
            "featurize", FeaturizeOptions.class,
            "evaluate", EvaluateOptions.class,
            "demo", DemoOptions.class,
            "experiment", ExperimentOptions.class,
            "bench", BenchOptions.class);
    for (Map.Entry<String, Class<? extends PipelineOptions>> command : commands.entrySet()) {
      Corpora.Run help = Corpora.cli(command.getKey(), "--help");
      assertEquals(0, help.exitCode());
      int options = 0;
      for (Method getter : command.getValue().getMethods()) {
        if (getter.getAnnotation(Description.class) == null
            || !getter.getDeclaringClass().getPackageName().startsWith("io.auglove")) {
          continue;
        }
        options++;
        String property = getter.getName().substring(3);
        String name = Character.toLowerCase(property.charAt(0)) + property.substring(1);
        assertTrue(help.out().contains("--" + name + "=<"), command.getKey() + ": --" + name);
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
    assertTrue(vocabulary.out().contains("--dimensions=<list>"), vocabulary.out());
    assertTrue(vocabulary.out().contains("(default: 25,50,100,200)"), vocabulary.out());
    assertTrue(vocabulary.out().contains("--weighting=<UNIFORM|HARMONIC>"), vocabulary.out());
    assertTrue(vocabulary.out().contains("--runner=<DirectRunner|FlinkRunner|DataflowRunner>"));
    assertTrue(Corpora.cli("demo", "--help").out().contains("(default: 50,100,200)"));
  }

  /**
   * Every option name and default the help prints is one that Beam's own parser takes for the
   * pipeline's options interface, as a flex template's launcher would pass it.
   */
  @Test
  void theHelpsOptionsAreTheNamesBeamsParserTakes() {
    Map<String, Class<? extends PipelineOptions>> pipelines =
        Map.of(
            "vocabulary", VocabularyOptions.class,
            "featurize", FeaturizeOptions.class,
            "evaluate", EvaluateOptions.class);
    Pattern option = Pattern.compile("^  --(\\w+)=<[^>]*>$");
    Pattern defaultValue = Pattern.compile("\\((default: (.*)|required)\\)$");
    for (Map.Entry<String, Class<? extends PipelineOptions>> pipeline : pipelines.entrySet()) {
      List<String> lines = Corpora.cli(pipeline.getKey(), "--help").out().lines().toList();
      List<String> args = new ArrayList<>();
      for (int i = 0; i < lines.size() - 1; i++) {
        Matcher name = option.matcher(lines.get(i));
        if (!name.matches() || name.group(1).equals("runner")) {
          continue;
        }
        Matcher value = defaultValue.matcher(lines.get(i + 1));
        assertTrue(value.find(), lines.get(i + 1));
        String text = value.group(2);
        args.add("--" + name.group(1) + "=" + (text == null || text.equals("none") ? "7" : text));
      }
      assertTrue(args.size() >= 3, pipeline.getKey() + ": " + args);
      PipelineOptions parsed =
          PipelineOptionsFactory.fromArgs(args.toArray(new String[0]))
              .withValidation()
              .as(pipeline.getValue());
      assertEquals("7", parsed.as(OutputOptions.class).getOutput(), pipeline.getKey());
    }
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
            new String[] {"bench", "--fits", "--fitK=0", "--output=" + folder.resolve("b")},
            new String[] {"vocabulary", "--input=" + folder, "--output=/tmp/x", "--vocab-k=5"},
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
      {"--k=10,x", "--k=10,x: "},
      {"--k=10,0", "every k must be at least 1, got k=[10, 0]"},
      {
        "--vocabK=7", "vocabK=7 is not one of the fitted k=[100, 200, 500, 1000, 2000, 5000, 10000]"
      },
      {"--weighting=cubic", "--weighting=cubic: "},
      {"--centroidUpdate=gpu", "--centroidUpdate=gpu: "},
      {"--minConfidence=2", "minConfidence must be within 0..1, got 2.0"},
      {"--epochs=0", "epochs must be at least 1, got 0"},
      {"--counts=" + input, "--counts needs --centroids"},
      {"--centroids=" + folder.resolve("missing.csv"), "missing.csv"},
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
              "generate", "--output=" + out, "--videos=3", "--minSeconds=5", "--maxSeconds=8");
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

  /** A corpus is an output like the others: refused over an old one, else replaced whole. */
  @Test
  void generateReplacesAnEarlierCorpusWholeOnlyWhenAsked() throws IOException {
    Path out = folder.resolve("corpus");
    String[] five = {
      "generate", "--output=" + out, "--videos=5", "--minSeconds=5", "--maxSeconds=8"
    };
    assertEquals(0, Corpora.cli(five).exitCode());
    assertEquals(5, recordings(out));

    Corpora.Run refused =
        Corpora.cli(
            "generate", "--output=" + out, "--videos=2", "--minSeconds=5", "--maxSeconds=8");
    assertEquals(2, refused.exitCode(), refused.err());
    assertEquals(1, refused.err().lines().count(), refused.err());
    assertTrue(refused.err().contains("--overwrite"), refused.err());
    assertEquals(5, recordings(out));

    Corpora.Run replaced =
        Corpora.cli(
            "generate",
            "--output=" + out,
            "--videos=2",
            "--minSeconds=5",
            "--maxSeconds=8",
            "--overwrite");
    assertEquals(0, replaced.exitCode(), replaced.err());
    // none of the five earlier recordings is left beside the two new ones
    assertEquals(2, recordings(out));
    assertEquals(3, OutputManifest.verify(out.toString()).files().size());
  }

  private static long recordings(Path corpus) throws IOException {
    try (var files = Files.list(corpus.resolve("recordings"))) {
      return files.count();
    }
  }
}
