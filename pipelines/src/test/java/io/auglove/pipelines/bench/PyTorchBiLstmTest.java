package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import io.auglove.models.lstm.BiLstmRegressor;
import io.auglove.models.lstm.BiLstmSettings;
import io.auglove.models.lstm.EpochListener;
import io.auglove.models.lstm.LstmInput;
import io.auglove.models.lstm.Readout;
import io.auglove.models.metrics.Metric;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PyTorch twin trains on what the Java network reads; skipped without python3-torch. */
class PyTorchBiLstmTest {

  @BeforeAll
  static void needsTorch() throws Exception {
    Process process =
        new ProcessBuilder(PyTorchReference.DEBIAN_PYTHON.toString(), "-c", "import torch")
            .redirectErrorStream(true)
            .start();
    PyTorchReference.readLines(process.getInputStream());
    assumeTrue(process.waitFor() == 0, "python3-torch is not installed: skipped");
  }

  /** {@code count} samples of 12 frames whose target is the mean of AU01; ids 0..4. */
  private static List<Sample> meanOfAu01(int count, long seed) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[][] aus = new float[12][17];
      int[] ids = new int[12];
      double level = 1 + 3 * random.nextDouble();
      double sum = 0;
      for (int t = 0; t < 12; t++) {
        aus[t][0] = (float) (level + random.nextDouble() - 0.5);
        sum += aus[t][0];
        ids[t] = random.nextInt(5);
      }
      samples.add(Sample.of("s" + seed + "-" + i, "p" + i, aus, ids, sum / 12));
    }
    return samples;
  }

  @Test
  void theTwinLearnsWhatTheJavaModelLearns() {
    List<Sample> train = meanOfAu01(48, 1);
    List<Sample> validation = meanOfAu01(12, 2);
    List<Sample> test = meanOfAu01(24, 3);
    for (Readout readout : Readout.values()) {
      BiLstmRegressor java =
          new BiLstmRegressor(
              BiLstmSettings.builder()
                  .setInput(LstmInput.aus())
                  .optReadout(readout)
                  .optLearningRate(1e-2)
                  .optMaxEpochs(30)
                  .optPatience(30)
                  .optListener(EpochListener.NONE)
                  .optDevice(Device.cpu())
                  .build());
      PyTorchBiLstm twin = new PyTorchBiLstm(java);
      try (Predictor predictor = twin.fit(train, validation, 4)) {
        double[] predictions = predictor.predict(test);
        assertEquals(test.size(), predictions.length);
        double pcc = Metric.PCC.of(predictions, Sample.targets(test));
        assertTrue(pcc > 0.8, readout + ": PCC " + pcc);
        assertTrue(predictor.choice().matches("epoch \\d+ of 30"), predictor.choice());
      }
      assertEquals(
          "PyTorch LSTM + AU" + (readout == Readout.MEAN ? ", mean readout" : ""), twin.name());
    }
  }
}
