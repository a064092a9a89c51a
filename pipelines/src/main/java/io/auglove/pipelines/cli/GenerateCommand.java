package io.auglove.pipelines.cli;

import com.google.common.base.Splitter;
import io.auglove.pipelines.generate.CorpusSpec;
import io.auglove.pipelines.generate.CorpusSummary;
import io.auglove.pipelines.generate.StagedCorpus;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** {@code auglove generate}: a synthetic OpenFace corpus with planted dynamics and its labels. */
final class GenerateCommand implements Command<GenerateOptions> {

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public String summary() {
    return "write a synthetic OpenFace corpus with planted dynamics and a labels file";
  }

  @Override
  public boolean runsPipeline() {
    return false;
  }

  @Override
  public Class<GenerateOptions> optionsType() {
    return GenerateOptions.class;
  }

  @Override
  public int run(GenerateOptions options, PrintStream out) throws IOException {
    long start = System.nanoTime();
    CorpusSummary summary =
        StagedCorpus.write(spec(options), options.getOutput(), options.getOverwrite());
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "Wrote %d recordings of %d participants (%,d frames) and %s in %.1f s (%,.0f frames/s)%n",
        summary.videos(),
        summary.participants(),
        summary.totalRows(),
        summary.labels().path(),
        seconds,
        summary.totalRows() / seconds);
    return 0;
  }

  /** The corpus spec of {@code options}. */
  static CorpusSpec spec(GenerateOptions options) {
    CorpusSpec.Builder spec =
        CorpusSpec.builder()
            .optVideoCount(options.getVideos())
            .optSeed(options.getSeed())
            .optParticipantPrefix(options.getParticipantPrefix())
            .optDurationSeconds(options.getMinSeconds(), options.getMaxSeconds())
            .optFrameRates(frameRates(options.getFrameRates()))
            .optGzipFraction(options.getGzipFraction())
            .optTrackingProblems(options.getTrackingProblems())
            .optAllColumns(options.getAllColumns());
    if (options.getWorldSeed() != null) {
      spec.optWorldSeed(options.getWorldSeed());
    }
    if (options.getParticipants() != 0) {
      spec.optParticipantCount(options.getParticipants());
    }
    return spec.build();
  }

  private static double[] frameRates(String text) {
    List<String> parts = Splitter.on(',').trimResults().omitEmptyStrings().splitToList(text);
    double[] rates = new double[parts.size()];
    for (int i = 0; i < rates.length; i++) {
      try {
        rates[i] = Double.parseDouble(parts.get(i));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--frameRates=" + text + ": '" + parts.get(i) + "' is not a number", e);
      }
    }
    return rates;
  }
}
