package io.auglove.pipelines.cli;

import com.google.common.collect.ImmutableMap;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.report.BundleReport;
import io.auglove.pipelines.report.ReportOptions;
import java.io.PrintStream;
import java.util.Map;

/** {@code auglove report}: a vocabulary bundle as one HTML page with its figures. */
final class ReportCommand implements Command<ReportOptions> {

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "write an HTML report of a vocabulary bundle: corpus, elbow, clusters, embeddings";
  }

  @Override
  public boolean runsPipeline() {
    return false;
  }

  /** What the help shows for {@code --output}. */
  @Override
  public ImmutableMap<String, String> defaults() {
    return ImmutableMap.of("output", "<bundle>-report");
  }

  /** The report goes beside the bundle: {@code --output=<bundle>-report}. */
  @Override
  public ImmutableMap<String, String> derivedDefaults(Map<String, String> given) {
    String bundle = given.get("bundle");
    if (bundle == null || bundle.isEmpty()) {
      return ImmutableMap.of();
    }
    while (bundle.length() > 1 && bundle.endsWith("/")) {
      bundle = bundle.substring(0, bundle.length() - 1);
    }
    return ImmutableMap.of("output", bundle + "-report");
  }

  @Override
  public Class<ReportOptions> optionsType() {
    return ReportOptions.class;
  }

  @Override
  public int run(ReportOptions options, PrintStream out) throws Exception {
    long start = System.nanoTime();
    String folder = BundleReport.write(options);
    out.printf(
        "Wrote %s and its figures in %.1f s%n",
        Paths.resolve(folder, "report.html"), (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
