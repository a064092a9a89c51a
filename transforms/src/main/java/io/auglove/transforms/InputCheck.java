package io.auglove.transforms;

import com.google.common.collect.ImmutableList;
import io.auglove.transforms.records.FileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails the run, with the reasons, when the files' reports show that every input file was refused;
 * otherwise outputs one element, the number of files read (none when there are no reports). Steps
 * that would fail on an empty input (k-means, GloVe) wait until this output is complete ({@link
 * KMeansFit#waitingOn}), so the user learns what is wrong with the input, not what k-means makes of
 * having no frames.
 *
 * <pre>{@code
 * PCollection<Integer> checked = reports.apply(InputCheck.ofReports());
 * sequences.apply(KMeansFit.forK(ks).waitingOn(checked));
 * }</pre>
 */
public final class InputCheck extends PTransform<PCollection<FileReport>, PCollection<Integer>> {

  private static final Logger LOG = LoggerFactory.getLogger(InputCheck.class);

  /** How many files' reasons the failure lists. */
  static final int REASONS_SHOWN = 3;

  private InputCheck() {}

  /** Checks the reports, one per input file, that it is applied to. */
  public static InputCheck ofReports() {
    return new InputCheck();
  }

  @Override
  public PCollection<Integer> expand(PCollection<FileReport> reports) {
    // All the reports in one group, which a runner gives once they are complete: no side input to
    // hold the check back until it is ready, and three steps where a view and a trigger took nine.
    return reports
        .apply("WithOneKey", WithKeys.of(0))
        .setCoder(KvCoder.of(VarIntCoder.of(), reports.getCoder()))
        .apply("AllReports", GroupByKey.create())
        .apply("CheckFiles", ParDo.of(new CheckFn()))
        .setCoder(VarIntCoder.of());
  }

  /** Outputs the number of files read, or fails when every file was refused. */
  static final class CheckFn extends DoFn<KV<Integer, Iterable<FileReport>>, Integer> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<FileReport>> group, OutputReceiver<Integer> out) {
      List<FileReport> all = ImmutableList.copyOf(group.getValue());
      String failure = failure(all);
      if (failure != null) {
        throw new UnusableInputException(failure);
      }
      int read = (int) all.stream().filter(r -> !r.failed()).count();
      LOG.info(
          "Input checked: {} of {} files read, {} refused; the steps that wait on it start",
          read,
          all.size(),
          all.size() - read);
      out.output(read);
    }
  }

  /** Why the input is unusable ({@code null} when a file was read): every file refused. */
  static String failure(List<FileReport> reports) {
    if (reports.isEmpty() || reports.stream().anyMatch(r -> !r.failed())) {
      return null;
    }
    List<FileReport> sorted = new ArrayList<>(reports);
    sorted.sort((a, b) -> a.file().compareTo(b.file()));
    StringBuilder text =
        new StringBuilder(
            String.format(Locale.ROOT, "all %d input files were refused", sorted.size()));
    for (int i = 0; i < Math.min(REASONS_SHOWN, sorted.size()); i++) {
      text.append(i == 0 ? ": " : "; ")
          .append(sorted.get(i).file())
          .append(": ")
          .append(sorted.get(i).error());
    }
    if (sorted.size() > REASONS_SHOWN) {
      text.append("; and ").append(sorted.size() - REASONS_SHOWN).append(" more");
    }
    return text.toString();
  }
}
