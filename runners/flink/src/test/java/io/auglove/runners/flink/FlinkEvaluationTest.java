package io.auglove.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auglove.pipelines.Corpora;
import io.auglove.pipelines.ResultsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation grid spread over an embedded Flink cluster (parallelism 2) scores exactly as on
 * the DirectRunner: every training is deterministic for its seed, wherever it runs (to the last
 * bits of PyTorch's float arithmetic, see {@link ResultsCsv}).
 */
class FlinkEvaluationTest {

  @TempDir Path folder;

  @Test
  void flinkGivesTheDirectRunnersScores() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 10, 23);
    Path bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle);
    List<String> results = new ArrayList<>();
    for (String[] runner :
        List.of(
            new String[] {"--runner=DirectRunner"},
            new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"})) {
      Path output = folder.resolve(runner[0].substring("--runner=".length()));
      List<String> args =
          new ArrayList<>(
              List.of(
                  "evaluate",
                  "--bundle=" + bundle,
                  "--input=" + input,
                  "--labelsFile=" + input.getParent().resolve("labels.csv"),
                  "--targets=dwell,control",
                  "--output=" + output,
                  "--models=random,static-lr,dynamic-svr,lstm-glove",
                  "--protocol=cv",
                  "--folds=3",
                  "--maxEpochs=2",
                  "--maxLength=40",
                  "--bootstrap=200"));
      args.addAll(List.of(runner));
      Corpora.Run run = Corpora.cli(args.toArray(new String[0]));
      assertEquals(0, run.exitCode(), run.err());
      results.add(Files.readString(output.resolve("cv").resolve("results.csv")));
    }
    ResultsCsv.assertSameScores(results.get(0), results.get(1), 1e-5);
  }
}
