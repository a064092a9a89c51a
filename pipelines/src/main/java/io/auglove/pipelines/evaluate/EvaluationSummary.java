package io.auglove.pipelines.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import java.io.IOException;
import java.io.PrintStream;

/** Prints what an evaluation wrote: its tables and the problems it met. */
public final class EvaluationSummary {

  private static final int PROBLEMS_SHOWN = 10;

  private EvaluationSummary() {}

  /** Prints the tables in {@code output} and up to ten problems. */
  public static void print(String output, PrintStream out) throws IOException {
    JsonNode evaluation =
        Json.read(
            String.join("\n", Paths.readLines(Paths.resolve(output, EvaluationReport.EVALUATION))));
    for (String folder : new String[] {"cv", "cv-segment-leaking", "fixed"}) {
      String table = Paths.resolve(Paths.resolve(output, folder), "table.md");
      if (!Paths.match(table).isEmpty()) {
        out.println();
        Paths.readLines(table).forEach(out::println);
      }
    }
    JsonNode problems = evaluation.path("problems");
    JsonNode failed = evaluation.path("failed_cells");
    out.printf(
        "%n%d recordings of %d participants; %d problem(s), %d cell(s) not scored (see %s)%n",
        evaluation.path("data").path("recordings").asInt(),
        evaluation.path("data").path("participants").asInt(),
        problems.size(),
        failed.size(),
        EvaluationReport.EVALUATION);
    for (int i = 0; i < Math.min(PROBLEMS_SHOWN, problems.size()); i++) {
      out.println("  " + problems.get(i).asText());
    }
    if (problems.size() > PROBLEMS_SHOWN) {
      out.println("  ...");
    }
  }
}
