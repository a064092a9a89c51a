package io.auglove.pipelines.evaluate;

import io.auglove.pipelines.features.FeatureRows;
import io.auglove.transforms.records.FeatureSequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Reads the sequences of a featurize output file back; a malformed row is reported by file and line
 * on {@link #PROBLEMS} and the rest are read.
 */
final class ReadFeatureRowsFn extends DoFn<FileIO.ReadableFile, FeatureSequence> {

  static final TupleTag<FeatureSequence> SEQUENCES = new TupleTag<FeatureSequence>() {};
  static final TupleTag<String> PROBLEMS = new TupleTag<String>() {};

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out)
      throws IOException {
    String name = file.getMetadata().resourceId().toString();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(file.open()), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.equals(FeatureRows.HEADER)) {
          continue;
        }
        try {
          out.get(SEQUENCES).output(FeatureRows.parse(line, name + ", line " + number));
        } catch (IllegalArgumentException e) {
          out.get(PROBLEMS).output(e.getMessage() + "; the row is left out");
        }
      }
    }
  }
}
