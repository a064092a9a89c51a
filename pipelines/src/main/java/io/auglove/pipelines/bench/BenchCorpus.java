package io.auglove.pipelines.bench;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.pipelines.generate.CorpusGenerator;
import io.auglove.pipelines.generate.CorpusSpec;
import io.auglove.pipelines.generate.CorpusSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The size of a generated benchmark corpus: about {@code rows} raw OpenFace rows in {@code files}
 * files, written by the generator with its default frame rates and durations scaled to fit.
 *
 * @param rows raw rows wanted, at least 1,000
 * @param files files (recordings), at least 1
 */
public record BenchCorpus(long rows, int files) {

  /** Mean of the generator's default frame rates, 25, 29.97, 30 and 60 fps. */
  private static final double MEAN_FPS =
      CorpusSpec.defaults().frameRates().stream()
          .mapToDouble(Double::doubleValue)
          .average()
          .orElseThrow();

  /** Checks the size. */
  public BenchCorpus {
    checkArgument(rows >= 1_000, "a benchmark corpus needs at least 1,000 rows, got %s", rows);
    checkArgument(files >= 1, "a benchmark corpus needs at least one file, got %s", files);
  }

  /** {@code rows:files}, as in {@code 500000:300}. */
  public static BenchCorpus parse(String text) {
    String[] parts = text.trim().split(":", -1);
    checkArgument(parts.length == 2, "expected rows:files, as in 500000:300, got '%s'", text);
    try {
      return new BenchCorpus(Long.parseLong(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected rows:files, as in 500000:300, got '" + text + "'");
    }
  }

  /** A comma-separated list of {@code rows:files}. */
  public static List<BenchCorpus> parseList(String text) {
    List<BenchCorpus> corpora = new ArrayList<>();
    for (String part : text.split(",")) {
      corpora.add(parse(part));
    }
    return corpora;
  }

  /**
   * The corpus's spec: recordings whose durations average {@code rows / files} rows at the mean
   * frame rate, spread from half to one and a half times that.
   */
  public CorpusSpec spec(long seed, boolean allColumns) {
    double seconds = Math.max(2, rows / (double) files / MEAN_FPS);
    return CorpusSpec.builder()
        .optVideoCount(files)
        .optSeed(seed)
        .optDurationSeconds(Math.max(1, seconds / 2), seconds * 1.5)
        .optAllColumns(allColumns)
        .build();
  }

  /** Writes the corpus into {@code folder} (recordings under {@code folder/recordings}). */
  public CorpusSummary write(String folder, long seed, boolean allColumns) throws IOException {
    return CorpusGenerator.write(spec(seed, allColumns), folder);
  }

  @Override
  public String toString() {
    return String.format("%,d rows in %,d file%s", rows, files, files == 1 ? "" : "s");
  }
}
