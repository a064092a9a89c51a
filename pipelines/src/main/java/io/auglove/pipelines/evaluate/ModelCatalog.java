package io.auglove.pipelines.evaluate;

import io.auglove.models.baselines.DynamicSvr;
import io.auglove.models.baselines.RandomBaseline;
import io.auglove.models.baselines.StaticLinearRegression;
import io.auglove.models.lstm.BiLstmRegressor;
import io.auglove.models.lstm.BiLstmSettings;
import io.auglove.models.lstm.EpochListener;
import io.auglove.models.lstm.LstmInput;
import io.auglove.models.regression.Regressor;

/** The models an evaluation can run, by id, and their names in the tables. */
final class ModelCatalog {

  private static final String GLOVE_PREFIX = "lstm-glove-d";

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

  /** The row name of {@code model} in the paper's tables. */
  static String displayName(String model) {
    return switch (model) {
      case "random" -> "Random";
      case "dynamic-svr" -> DynamicSvr.NAME;
      case "static-lr" -> StaticLinearRegression.NAME;
      case "lstm-au" -> "BiLSTM + AU";
      case "lstm-labels" -> "BiLSTM + cluster labels";
      default -> "BiLSTM + cluster embeddings (d=" + model.substring(GLOVE_PREFIX.length()) + ")";
    };
  }

  /** A fresh, unfitted model; a BiLSTM also tells {@code epochs} of each epoch, after the log. */
  Regressor create(String model, EpochListener epochs) {
    return switch (model) {
      case "random" -> new RandomBaseline(settings.randomDraws);
      case "dynamic-svr" -> new DynamicSvr();
      case "static-lr" -> new StaticLinearRegression();
      case "lstm-au" -> lstm(LstmInput.aus(), epochs);
      case "lstm-labels" ->
          lstm(LstmInput.randomEmbedding(tables.tokenCount(), settings.embeddingSize), epochs);
      default ->
          lstm(
              LstmInput.pretrained(
                  tables.table(Integer.parseInt(model.substring(GLOVE_PREFIX.length())))),
              epochs);
    };
  }

  private Regressor lstm(LstmInput input, EpochListener epochs) {
    return new BiLstmRegressor(
        BiLstmSettings.builder()
            .setInput(input)
            .optMaxEpochs(settings.maxEpochs)
            .optPatience(settings.patience)
            .optMaxLength(settings.maxLength)
            .optListener(EpochListener.LOG.andThen(epochs))
            .build());
  }
}
