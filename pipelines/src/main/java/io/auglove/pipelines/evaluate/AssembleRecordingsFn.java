package io.auglove.pipelines.evaluate;

import io.auglove.pipelines.features.TokenIndex;
import io.auglove.transforms.records.FeatureSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Joins a recording's sequences in time order into one {@link LabelledRecording} with its labels.
 * Sequences shorter than two steps are left out, and a recording without labels is not evaluated;
 * each is reported by name on {@link #PROBLEMS}. Every recording's name goes to {@link #SEEN}, so
 * the labels of recordings that never appeared can be reported too.
 */
final class AssembleRecordingsFn
    extends DoFn<KV<String, Iterable<FeatureSequence>>, LabelledRecording> {

  static final TupleTag<LabelledRecording> RECORDINGS = new TupleTag<LabelledRecording>() {};
  static final TupleTag<String> PROBLEMS = new TupleTag<String>() {};
  static final TupleTag<String> SEEN = new TupleTag<String>() {};

  private final Labels labels;
  private final TokenIndex index;

  AssembleRecordingsFn(Labels labels, TokenIndex index) {
    this.labels = labels;
    this.index = index;
  }

  @ProcessElement
  public void process(
      @Element KV<String, Iterable<FeatureSequence>> grouped, MultiOutputReceiver out) {
    String recording = grouped.getKey();
    out.get(SEEN).output(recording);
    Labels.Row row = labels.rows().get(recording);
    if (row == null) {
      out.get(PROBLEMS)
          .output("recording " + recording + " has no row in the labels file; it is not evaluated");
      return;
    }
    List<FeatureSequence> sequences = new ArrayList<>();
    for (FeatureSequence sequence : grouped.getValue()) {
      if (sequence.length() < 2) {
        out.get(PROBLEMS)
            .output(
                "recording "
                    + recording
                    + ": sequence "
                    + sequence.id().segment()
                    + " at "
                    + sequence.startSeconds()
                    + " s has "
                    + sequence.length()
                    + " step; sequences shorter than two steps are left out");
      } else {
        sequences.add(sequence);
      }
    }
    if (sequences.isEmpty()) {
      out.get(PROBLEMS)
          .output(
              "recording " + recording + " has no sequence of two steps or more; not evaluated");
      return;
    }
    sequences.sort(Comparator.comparing(FeatureSequence::id));
    int frames = sequences.stream().mapToInt(FeatureSequence::length).sum();
    float[][] aus = new float[frames][];
    int[] ids = new int[frames];
    int[] starts = new int[sequences.size()];
    int at = 0;
    for (int s = 0; s < sequences.size(); s++) {
      FeatureSequence sequence = sequences.get(s);
      starts[s] = at;
      float[][] rows = sequence.intensityRows();
      for (int i = 0; i < sequence.length(); i++, at++) {
        aus[at] = rows[i];
        ids[at] = index.id(sequence.code(i));
      }
    }
    out.get(RECORDINGS)
        .output(
            new LabelledRecording(
                recording, row.participant(), row.split(), aus, ids, starts, row.targets()));
  }
}
