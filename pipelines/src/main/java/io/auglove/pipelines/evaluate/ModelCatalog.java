package io.auglove.pipelines.evaluate;

import io.auglove.models.baselines.DynamicSvr;
import io.auglove.models.baselines.RandomBaseline;
import io.auglove.models.baselines.StaticLinearRegression;
import io.auglove.models.lstm.BiLstmRegressor;
import io.auglove.models.lstm.BiLstmSettings;
import io.auglove.models.lstm.LstmInput;
import io.auglove.models.lstm.Readout;
import io.auglove.models.regression.ChosenOnValidation;
import io.auglove.models.regression.Regressor;
import io.auglove.pipelines.bench.PyTorchBiLstm;
import java.util.ArrayList;
import java.util.List;

/**
 * The models an evaluation can run, by id, and their names in the tables. A BiLSTM's id is its
 * input's ({@code lstm-au}, {@code lstm-labels}, {@code lstm-glove-d50}) for the paper's
 * final-state readout, and that id with {@code -mean} for the mean readout.
 */
final class ModelCatalog {

  private static final String GLOVE_PREFIX = "lstm-glove-d";
  private static final String MEAN_SUFFIX = "-" + Readout.MEAN.label();

  /** Marks the PyTorch twin of a BiLSTM: {@code pytorch-lstm-au}, {@code pytorch-lstm-au-mean}. */
  static final String PYTORCH_PREFIX = "pytorch-";

  private final EvaluationSettings settings;
  private final EmbeddingTables tables;

  ModelCatalog(EvaluationSettings settings, EmbeddingTables tables) {
    this.settings = settings;
    this.tables = tables;
  }

  /** Whether a model gives the same predictions for every seed, so one restart is enough. */
  static boolean deterministic(String model) {
    return model.equals("random") || model.equals("static-lr") || model.equals("dynamic-svr");
  }

  /**
   * The id of the BiLSTM {@code model} (an id with the paper's readout) read with {@code readout}.
   */
  static String withReadout(String model, Readout readout) {
    return readout == Readout.FINAL_STATE ? model : model + MEAN_SUFFIX;
  }

  /** Whether {@code model} is a BiLSTM, in Java or its PyTorch twin. */
  static boolean bilstm(String model) {
    return javaModel(model).startsWith("lstm-");
  }

  /** The row name of {@code model} in the tables. */
  static String displayName(String model) {
    if (model.startsWith(PYTORCH_PREFIX)) {
      return "PyTorch " + displayName(javaModel(model));
    }
    // No comma: the name is a field of results.csv.
    return model.endsWith(MEAN_SUFFIX)
        ? paperName(paperModel(model)).replace("BiLSTM", "BiLSTM (mean readout)")
        : paperName(model);
  }

  private static String javaModel(String model) {
    return model.startsWith(PYTORCH_PREFIX) ? model.substring(PYTORCH_PREFIX.length()) : model;
  }

  private static String paperModel(String model) {
    return model.endsWith(MEAN_SUFFIX)
        ? model.substring(0, model.length() - MEAN_SUFFIX.length())
        : model;
  }

  private static String paperName(String model) {
    return switch (model) {
      case "random" -> "Random";
      case "dynamic-svr" -> DynamicSvr.NAME;
      case "static-lr" -> StaticLinearRegression.NAME;
      case "lstm-au" -> "BiLSTM + AU";
      case "lstm-labels" -> "BiLSTM + cluster labels";
      default -> "BiLSTM + cluster embeddings (d=" + model.substring(GLOVE_PREFIX.length()) + ")";
    };
  }

  /** A fresh, unfitted model. */
  Regressor create(String model) {
    boolean twin = model.startsWith(PYTORCH_PREFIX);
    String java = javaModel(model);
    Readout readout = java.endsWith(MEAN_SUFFIX) ? Readout.MEAN : Readout.FINAL_STATE;
    return switch (paperModel(java)) {
      case "random" -> new RandomBaseline(settings.randomDraws);
      case "dynamic-svr" -> new DynamicSvr();
      case "static-lr" -> new StaticLinearRegression();
      case "lstm-au" -> lstm(LstmInput.aus(), readout, twin);
      case "lstm-labels" -> labels(displayName(model), readout, twin);
      default ->
          glove(
              displayName(model),
              Integer.parseInt(paperModel(java).substring(GLOVE_PREFIX.length())),
              readout,
              twin);
    };
  }

  /** The BiLSTM on cluster labels, its embedding size chosen on validation data. */
  private Regressor labels(String name, Readout readout, boolean twin) {
    List<ChosenOnValidation.Candidate> candidates = new ArrayList<>();
    for (int size : settings.embeddingSizes) {
      candidates.add(
          new ChosenOnValidation.Candidate(
              "embedding size " + size,
              lstm(LstmInput.randomEmbedding(tables.tokenCount(), size), readout, twin)));
    }
    return new ChosenOnValidation(name, candidates);
  }

  /** The BiLSTM on GloVe vectors, frozen or fine-tuned as chosen on validation data. */
  private Regressor glove(String name, int dimension, Readout readout, boolean twin) {
    List<ChosenOnValidation.Candidate> candidates = new ArrayList<>();
    for (String embedding : settings.gloveEmbedding) {
      boolean frozen = embedding.equals("frozen");
      candidates.add(
          new ChosenOnValidation.Candidate(
              frozen ? "GloVe frozen" : "GloVe fine-tuned",
              lstm(LstmInput.pretrained(tables.table(dimension), frozen), readout, twin)));
    }
    return new ChosenOnValidation(name, candidates);
  }

  /** The BiLSTM on {@code input}, or its PyTorch twin. */
  private Regressor lstm(LstmInput input, Readout readout, boolean twin) {
    BiLstmRegressor java =
        new BiLstmRegressor(
            BiLstmSettings.builder()
                .setInput(input)
                .optReadout(readout)
                .optMaxEpochs(settings.maxEpochs)
                .optPatience(settings.patience)
                .optMaxLength(settings.maxLength)
                .build());
    return twin ? new PyTorchBiLstm(java) : java;
  }
}
