package io.auglove.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.auglove.models.ActionUnits;
import io.auglove.models.TorchEngine;
import io.auglove.models.regression.Sample;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The network's handling of padding, final states and initial weights, before any training. */
class BiLstmNetworkTest {

  private static final int VOCABULARY = 20;
  private static final int[] LENGTHS = {5, 13, 9};

  private Model model;

  @AfterEach
  void close() {
    if (model != null) {
      model.close();
    }
  }

  /** An initialised, untrained network for {@code input}: hidden 8, dense 16, no dropout. */
  private BiLstmNetwork network(LstmInput input, long seed) {
    return network(input, Readout.FINAL_STATE, seed);
  }

  private BiLstmNetwork network(LstmInput input, Readout readout, long seed) {
    BiLstmSettings settings =
        BiLstmSettings.builder()
            .setInput(input)
            .optReadout(readout)
            .optHiddenSize(8)
            .optDenseSize(16)
            .optDropout(0.4)
            .optDevice(Device.cpu())
            .build();
    TorchEngine.prepareThread();
    model = Model.newInstance("test", Device.cpu());
    BiLstmNetwork network = new BiLstmNetwork(settings, seed);
    model.setBlock(network);
    network.initialize(model.getNDManager(), DataType.FLOAT32, network.initialisationShapes());
    return network;
  }

  private float[] outputs(BiLstmNetwork network, LstmInput input, List<Sample> samples, int batch) {
    return outputs(network, input, Readout.FINAL_STATE, samples, batch);
  }

  private float[] outputs(
      BiLstmNetwork network, LstmInput input, Readout readout, List<Sample> samples, int batch) {
    return Inference.outputs(
        network,
        new ParameterStore(model.getNDManager(), false),
        model.getNDManager(),
        EncodedSequence.encode(samples, input, 500),
        readout,
        batch);
  }

  @Test
  void paddedBatchGivesEachSequenceItsOwnOutputForAus() {
    paddedBatchGivesEachSequenceItsOwnOutput(LstmInput.aus());
  }

  @Test
  void paddedBatchGivesEachSequenceItsOwnOutputForTokens() {
    paddedBatchGivesEachSequenceItsOwnOutput(LstmInput.randomEmbedding(VOCABULARY, 6));
  }

  @Test
  void paddedBatchGivesEachSequenceItsOwnOutputWithTheMeanReadout() {
    paddedBatchGivesEachSequenceItsOwnOutput(LstmInput.aus(), Readout.MEAN);
    model.close();
    paddedBatchGivesEachSequenceItsOwnOutput(
        LstmInput.randomEmbedding(VOCABULARY, 6), Readout.MEAN);
  }

  private void paddedBatchGivesEachSequenceItsOwnOutput(LstmInput input) {
    paddedBatchGivesEachSequenceItsOwnOutput(input, Readout.FINAL_STATE);
  }

  private void paddedBatchGivesEachSequenceItsOwnOutput(LstmInput input, Readout readout) {
    BiLstmNetwork network = network(input, readout, 3);
    List<Sample> samples = LstmTestData.samples(LENGTHS, VOCABULARY, 1);

    float[] together = outputs(network, input, readout, samples, 3);
    float[] alone = outputs(network, input, readout, samples, 1);

    assertArrayEquals(alone, together, 1e-5f);
    // Distinct sequences give distinct outputs, so the comparison is not between constants.
    assertTrue(Math.abs(alone[0] - alone[1]) > 1e-4 && Math.abs(alone[1] - alone[2]) > 1e-4);
  }

  @Test
  void valuesInPaddedStepsChangeNothingForAus() {
    valuesInPaddedStepsChangeNothing(LstmInput.aus());
  }

  @Test
  void valuesInPaddedStepsChangeNothingForTokens() {
    valuesInPaddedStepsChangeNothing(LstmInput.randomEmbedding(VOCABULARY, 6));
  }

  @Test
  void valuesInPaddedStepsChangeNothingWithTheMeanReadout() {
    valuesInPaddedStepsChangeNothing(LstmInput.aus(), Readout.MEAN);
  }

  private void valuesInPaddedStepsChangeNothing(LstmInput input) {
    valuesInPaddedStepsChangeNothing(input, Readout.FINAL_STATE);
  }

  /** Fills every padded step of both directions' inputs with other values: same outputs. */
  private void valuesInPaddedStepsChangeNothing(LstmInput input, Readout readout) {
    BiLstmNetwork network = network(input, readout, 4);
    List<EncodedSequence> sequences =
        EncodedSequence.encode(LstmTestData.samples(LENGTHS, VOCABULARY, 2), input, 500);
    ParameterStore store = new ParameterStore(model.getNDManager(), false);
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDList inputs = PaddedBatch.inputs(scope, sequences, readout);
      float[] padded = network.forward(store, inputs, false).head().toFloatArray();

      NDList changed = new NDList(fillPadding(inputs.get(0)), fillPadding(inputs.get(1)));
      changed.add(inputs.get(2));
      float[] refilled = network.forward(store, changed, false).head().toFloatArray();

      assertArrayEquals(padded, refilled, 1e-6f);
    }
  }

  /** {@code array} with every step at or after each sequence's length set to 3 (id 3). */
  private static NDArray fillPadding(NDArray array) {
    int steps = (int) array.getShape().get(1);
    int width = array.getShape().dimension() == 3 ? (int) array.getShape().get(2) : 1;
    if (array.getDataType() == DataType.INT32) {
      int[] values = array.toIntArray();
      for (int b = 0; b < LENGTHS.length; b++) {
        for (int i = LENGTHS[b] * width; i < steps * width; i++) {
          values[b * steps * width + i] = 3;
        }
      }
      return array.getManager().create(values, array.getShape());
    }
    float[] values = array.toFloatArray();
    for (int b = 0; b < LENGTHS.length; b++) {
      for (int i = LENGTHS[b] * width; i < steps * width; i++) {
        values[b * steps * width + i] = 3f;
      }
    }
    return array.getManager().create(values, array.getShape());
  }

  @Test
  void lastAndFirstRealStepsChangeTheOutput() {
    LstmInput input = LstmInput.aus();
    BiLstmNetwork network = network(input, 5);
    List<Sample> samples = LstmTestData.samples(LENGTHS, VOCABULARY, 3);
    float[] before = outputs(network, input, samples, 3);

    // The shortest sequence's last frame: only the forward LSTM reads it last.
    Sample last = LstmTestData.withFrame(samples.get(0), LENGTHS[0] - 1, 4.5f, 0);
    float[] afterLast = outputs(network, input, List.of(last, samples.get(1), samples.get(2)), 3);
    // Its first frame: only the backward LSTM reads it last.
    Sample first = LstmTestData.withFrame(samples.get(0), 0, 4.5f, 0);
    float[] afterFirst = outputs(network, input, List.of(first, samples.get(1), samples.get(2)), 3);

    assertTrue(Math.abs(afterLast[0] - before[0]) > 1e-5, before[0] + " vs " + afterLast[0]);
    assertTrue(Math.abs(afterFirst[0] - before[0]) > 1e-5, before[0] + " vs " + afterFirst[0]);
    assertEquals(before[1], afterLast[1], 1e-6f);
    assertEquals(before[2], afterFirst[2], 1e-6f);
  }

  @Test
  void backwardInputIsEachSequenceReversedWithinItsLength() {
    List<EncodedSequence> sequences =
        List.of(
            new EncodedSequence(2, null, new int[] {1, 2}),
            new EncodedSequence(4, null, new int[] {5, 6, 7, 8}));
    TorchEngine.prepareThread();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDList inputs = PaddedBatch.inputs(manager, sequences, Readout.FINAL_STATE);

      assertArrayEquals(new int[] {1, 2, 0, 0, 5, 6, 7, 8}, inputs.get(0).toIntArray());
      assertArrayEquals(new int[] {2, 1, 0, 0, 8, 7, 6, 5}, inputs.get(1).toIntArray());
      assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 0, 1}, inputs.get(2).toFloatArray(), 0f);
      assertEquals(3, inputs.get(2).getShape().dimension());
    }
  }

  @Test
  void meanReadoutWeighsEachRealStepOneOverTheLength() {
    List<EncodedSequence> sequences =
        List.of(
            new EncodedSequence(2, null, new int[] {1, 2}),
            new EncodedSequence(4, null, new int[] {5, 6, 7, 8}));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDList inputs = PaddedBatch.inputs(manager, sequences, Readout.MEAN);

      assertArrayEquals(
          new float[] {0.5f, 0.5f, 0, 0, 0.25f, 0.25f, 0.25f, 0.25f},
          inputs.get(2).toFloatArray(),
          0f);
    }
  }

  @Test
  void backwardAusAreFramesReversedWithinTheLength() {
    float[] aus = new float[3 * ActionUnits.COUNT];
    for (int i = 0; i < aus.length; i++) {
      aus[i] = i;
    }
    List<EncodedSequence> sequences =
        List.of(
            new EncodedSequence(3, aus, null),
            new EncodedSequence(4, new float[4 * ActionUnits.COUNT], null));
    TorchEngine.prepareThread();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      float[] backward =
          PaddedBatch.inputs(manager, sequences, Readout.FINAL_STATE).get(1).toFloatArray();

      int f = ActionUnits.COUNT;
      assertEquals(2 * f, backward[0]); // step 0 = frame 2, AU 0
      assertEquals(2 * f + 5, backward[5]);
      assertEquals(f + 1, backward[f + 1]); // step 1 = frame 1
      assertEquals(0, backward[2 * f]); // step 2 = frame 0
      assertEquals(0, backward[3 * f]); // step 3: padding
    }
  }

  @Test
  void pretrainedEmbeddingStartsAsTheTable() {
    float[][] table = LstmTestData.table(VOCABULARY, 5, 9);
    BiLstmNetwork network = network(LstmInput.pretrained(table), 6);

    float[] embedding = embedding(network);

    for (int i = 0; i < VOCABULARY; i++) {
      float[] row = java.util.Arrays.copyOfRange(embedding, i * 5, (i + 1) * 5);
      assertArrayEquals(table[i], row, 0f, "row " + i);
    }
  }

  @Test
  void initialWeightsFollowTheSeed() {
    LstmInput input = LstmInput.randomEmbedding(VOCABULARY, 6);
    float[] first = parameters(network(input, 11));
    model.close();
    float[] again = parameters(network(input, 11));
    model.close();
    float[] other = parameters(network(input, 12));

    assertArrayEquals(first, again, 0f);
    assertTrue(!java.util.Arrays.equals(first, other));
  }

  static float[] embedding(BiLstmNetwork network) {
    return network.embedding().getParameters().valueAt(0).getArray().toFloatArray();
  }

  private static float[] parameters(BiLstmNetwork network) {
    java.util.List<Float> values = new java.util.ArrayList<>();
    for (Parameter parameter : network.getParameters().values()) {
      for (float v : parameter.getArray().toFloatArray()) {
        values.add(v);
      }
    }
    float[] all = new float[values.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = values.get(i);
    }
    return all;
  }
}
