package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample as the network reads it: the frames kept by {@link Subsampling}, in time order, as AU
 * intensities (length × 17, row-major) or as token ids. A sample joined from several sequences is
 * read as one sequence: the LSTM sees its frames in time order with no mark at the gaps.
 */
record EncodedSequence(int length, float[] aus, int[] tokenIds) {

  /** Encodes {@code samples} for {@code input}, reading at most {@code maxLength} frames each. */
  static List<EncodedSequence> encode(List<Sample> samples, LstmInput input, int maxLength) {
    List<EncodedSequence> encoded = new ArrayList<>(samples.size());
    for (Sample sample : samples) {
      encoded.add(encode(sample, input, maxLength));
    }
    return encoded;
  }

  /** Encodes one sample; see {@link #encode(List, LstmInput, int)}. */
  static EncodedSequence encode(Sample sample, LstmInput input, int maxLength) {
    int[] frames = Subsampling.indices(sample.length(), maxLength);
    if (!input.readsTokens()) {
      float[] aus = new float[frames.length * ActionUnits.COUNT];
      for (int t = 0; t < frames.length; t++) {
        System.arraycopy(sample.aus()[frames[t]], 0, aus, t * ActionUnits.COUNT, ActionUnits.COUNT);
      }
      return new EncodedSequence(frames.length, aus, null);
    }
    int vocabularySize = vocabularySize(input);
    int[] ids = new int[frames.length];
    for (int t = 0; t < frames.length; t++) {
      int id = sample.tokenIds()[frames[t]];
      checkArgument(
          id >= 0 && id < vocabularySize,
          "lstm: sample %s has token id %s at frame %s, outside the vocabulary 0..%s",
          sample.id(),
          id,
          frames[t],
          vocabularySize - 1);
      ids[t] = id;
    }
    return new EncodedSequence(frames.length, null, ids);
  }

  private static int vocabularySize(LstmInput input) {
    if (input instanceof LstmInput.RandomEmbedding random) {
      return random.vocabularySize();
    }
    return ((LstmInput.PretrainedEmbedding) input).vocabularySize();
  }
}
