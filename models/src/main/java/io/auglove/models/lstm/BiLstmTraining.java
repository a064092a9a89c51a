package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.auglove.models.TorchEngine;
import io.auglove.models.regression.Sample;
import io.auglove.models.regression.TargetScaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One fit of a {@link BiLstmNetwork}: Adam on the mean squared error of targets scaled to [-1, 1]
 * by the training targets' range, in batches of consecutive samples of a fresh shuffle each epoch,
 * with early stopping on the validation loss.
 *
 * <p>After each epoch the validation samples' loss is computed in inference mode; an epoch whose
 * loss is strictly lower than every earlier one's is the best so far, and its parameters are
 * copied. The fit stops after {@code maxEpochs}, or once {@code patience} epochs have passed since
 * the best, and the network gets the best epoch's parameters back. With no validation samples
 * nothing is chosen: the fit runs {@code maxEpochs} and keeps the last parameters.
 *
 * <p>DJL's PyTorch engine allows one gradient collector at a time in the whole process (a second
 * one throws), so each training step (forward, backward, update) holds {@link #GRADIENTS}: fits on
 * several threads take turns batch by batch instead of failing, and their validation passes and
 * predictions still run side by side. Each fit draws only from its own seeded generators, so the
 * interleaving does not change its result.
 */
final class BiLstmTraining {

  /** Held for each training step: one gradient collector at a time, see the class comment. */
  private static final Object GRADIENTS = new Object();

  private final BiLstmSettings settings;
  private final long seed;

  BiLstmTraining(BiLstmSettings settings, long seed) {
    this.settings = settings;
    this.seed = seed;
  }

  /** Trains on {@code train}, stopping on {@code validation}, and returns the predictor. */
  BiLstmPredictor fit(List<Sample> train, List<Sample> validation) {
    TorchEngine.prepareThread();
    checkArgument(!train.isEmpty(), "lstm: no training samples");
    TargetScaler scaler = TargetScaler.fit(Sample.targets(train));
    LstmInput input = settings.input();
    List<EncodedSequence> trainSequences =
        EncodedSequence.encode(train, input, settings.maxLength());
    float[] trainTargets = scaled(train, scaler);
    List<EncodedSequence> validationSequences =
        EncodedSequence.encode(validation, input, settings.maxLength());
    float[] validationTargets = scaled(validation, scaler);

    Device device = settings.resolvedDevice();
    Model model = Model.newInstance("bilstm", device);
    try {
      BiLstmNetwork network = new BiLstmNetwork(settings, seed);
      model.setBlock(network);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.l2Loss("mse", 1f))
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                      .build())
              .optDevices(new Device[] {device});
      List<BiLstmEpoch> history = new ArrayList<>();
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(network.initialisationShapes());
        Random shuffle = new Random(FitStreams.stream(seed, FitStreams.SHUFFLE));
        int[] order = identity(trainSequences.size());
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        ParameterSnapshot best = null;
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
          shuffle(order, shuffle);
          long start = System.nanoTime();
          double trainLoss = epoch(trainer, trainSequences, trainTargets, order);
          double seconds = (System.nanoTime() - start) / 1e9;
          checkState(
              Double.isFinite(trainLoss),
              "lstm: training diverged: the loss of epoch %s is %s",
              epoch,
              (Object) trainLoss);
          double validationLoss = Double.NaN;
          boolean improved;
          if (validationSequences.isEmpty()) {
            improved = true;
            bestEpoch = epoch;
          } else {
            float[] outputs =
                Inference.outputs(
                    network,
                    trainerStore(trainer),
                    trainer.getManager(),
                    validationSequences,
                    settings.readout(),
                    settings.batchSize());
            validationLoss = Inference.meanSquaredError(outputs, validationTargets);
            improved = validationLoss < bestLoss;
            if (improved) {
              bestLoss = validationLoss;
              bestEpoch = epoch;
              best = ParameterSnapshot.of(network);
            }
          }
          BiLstmEpoch summary =
              new BiLstmEpoch(
                  settings.modelName(), epoch, trainLoss, validationLoss, improved, seconds);
          history.add(summary);
          settings.listener().onEpoch(summary);
          if (epoch - bestEpoch >= settings.patience()) {
            break;
          }
        }
        if (best != null && bestEpoch != history.size()) {
          best.restore(network);
        }
        return new BiLstmPredictor(
            model, network, scaler, settings, history, bestEpoch, bestLoss(history, bestEpoch));
      }
    } catch (RuntimeException | Error e) {
      model.close();
      throw e;
    }
  }

  /** One pass over the training sequences in {@code order}; the mean loss per sequence. */
  private double epoch(
      Trainer trainer, List<EncodedSequence> sequences, float[] targets, int[] order) {
    double sum = 0;
    for (int start = 0; start < order.length; start += settings.batchSize()) {
      int size = Math.min(settings.batchSize(), order.length - start);
      List<EncodedSequence> batch = new ArrayList<>(size);
      float[] batchTargets = new float[size];
      for (int b = 0; b < size; b++) {
        batch.add(sequences.get(order[start + b]));
        batchTargets[b] = targets[order[start + b]];
      }
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDList inputs = PaddedBatch.inputs(scope, batch, settings.readout());
        NDArray labels = scope.create(batchTargets, new Shape(size, 1));
        synchronized (GRADIENTS) {
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray outputs = trainer.forward(inputs).singletonOrThrow();
            NDArray loss = outputs.sub(labels).square().mean();
            collector.backward(loss);
            sum += loss.getFloat() * (double) size;
          }
          trainer.step();
        }
      }
    }
    return sum / order.length;
  }

  private static ParameterStore trainerStore(Trainer trainer) {
    return new ParameterStore(trainer.getManager(), false);
  }

  private static double bestLoss(List<BiLstmEpoch> history, int bestEpoch) {
    return history.get(bestEpoch - 1).validationLoss();
  }

  private static float[] scaled(List<Sample> samples, TargetScaler scaler) {
    float[] scaled = new float[samples.size()];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = (float) scaler.scale(samples.get(i).target());
    }
    return scaled;
  }

  private static int[] identity(int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Fisher–Yates. */
  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int other = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[other];
      order[other] = swap;
    }
  }
}
