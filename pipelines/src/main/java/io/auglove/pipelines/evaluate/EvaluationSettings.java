package io.auglove.pipelines.evaluate;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.auglove.models.lstm.Readout;
import io.auglove.pipelines.bundle.VocabularyBundle;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The checked options of an evaluation, with what the models need from the bundle (the number of
 * token ids and the GloVe tables by dimension). Everything a training task needs travels with it.
 */
public final class EvaluationSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Models in the order of the paper's tables, then the BiLSTMs' PyTorch twins (only when named);
   * {@code lstm-glove} stands for one per dimension.
   */
  static final ImmutableList<String> MODELS =
      ImmutableList.of(
          "random",
          "dynamic-svr",
          "static-lr",
          "lstm-au",
          "lstm-labels",
          "lstm-glove",
          "pytorch-lstm-au",
          "pytorch-lstm-labels",
          "pytorch-lstm-glove");

  /** The folder the report is written to: the output's staging folder. */
  final String output;

  final ImmutableList<String> targets;
  final ImmutableList<String> models;
  final ImmutableList<Protocol> protocols;
  final int folds;
  final boolean segmentFolds;
  final double validationFraction;
  final int restarts;
  final ImmutableList<Integer> embeddingSizes;
  final ImmutableList<String> gloveEmbedding;
  final int maxLength;
  final int maxEpochs;
  final int patience;
  final int bootstrap;
  final int randomDraws;
  final long seed;
  final ImmutableList<Integer> gloveDimensions;
  final ImmutableList<String> warnings;

  /** Tells this run's trainings from another's in the same JVM, for the progress count only. */
  final String runId = UUID.randomUUID().toString();

  private EvaluationSettings(
      EvaluateOptions o,
      String folder,
      List<String> models,
      List<Protocol> protocols,
      List<Integer> gloveDimensions,
      List<Integer> embeddingSizes,
      List<String> warnings) {
    this.output = folder;
    this.targets = ImmutableList.copyOf(list(o.getTargets()));
    this.models = ImmutableList.copyOf(models);
    this.protocols = ImmutableList.copyOf(protocols);
    this.folds = o.getFolds();
    this.segmentFolds = o.getFoldsBy().equals("segment");
    this.validationFraction = o.getValidationFraction();
    this.restarts = o.getRestarts();
    this.embeddingSizes = ImmutableList.copyOf(embeddingSizes);
    this.gloveEmbedding = ImmutableList.copyOf(list(o.getGloveEmbedding()));
    this.maxLength = o.getMaxLength();
    this.maxEpochs = o.getMaxEpochs();
    this.patience = o.getPatience();
    this.bootstrap = o.getBootstrap();
    this.randomDraws = o.getRandomDraws();
    this.seed = o.getSeed();
    this.gloveDimensions = ImmutableList.copyOf(gloveDimensions);
    this.warnings = ImmutableList.copyOf(warnings);
  }

  /**
   * Checks {@code options} against the bundle and labels.
   *
   * @throws IllegalArgumentException with a one-line reason if an option is bad
   */
  static EvaluationSettings from(
      EvaluateOptions options, VocabularyBundle bundle, Labels labels, String folder) {
    List<String> warnings = new ArrayList<>(bundle.problems());
    if (list(options.getTargets()).isEmpty()) {
      throw new IllegalArgumentException("--targets names no target");
    }
    check(options.getFolds() >= 2, "--folds must be at least 2");
    check(
        options.getFoldsBy().equals("participant") || options.getFoldsBy().equals("segment"),
        "--foldsBy must be participant or segment");
    double fraction = options.getValidationFraction();
    check(fraction > 0 && fraction < 1, "--validationFraction must be in (0, 1)");
    check(options.getRestarts() >= 1, "--restarts must be at least 1");
    List<Integer> embeddingSizes = new ArrayList<>();
    for (String size : list(options.getEmbeddingSizes())) {
      check(
          size.matches("[1-9]\\d{0,5}"),
          "--embeddingSizes must be whole numbers of at least 1, got '" + size + "'");
      embeddingSizes.add(Integer.parseInt(size));
    }
    check(!embeddingSizes.isEmpty(), "--embeddingSizes names no size");
    List<String> gloveEmbedding = list(options.getGloveEmbedding());
    check(
        !gloveEmbedding.isEmpty()
            && gloveEmbedding.stream().allMatch(g -> g.equals("frozen") || g.equals("tuned")),
        "--gloveEmbedding must be frozen, tuned or frozen,tuned");
    check(options.getMaxLength() >= 2, "--maxLength must be at least 2");
    check(options.getMaxEpochs() >= 1, "--maxEpochs must be at least 1");
    check(options.getPatience() >= 1, "--patience must be at least 1");
    check(options.getBootstrap() >= 100, "--bootstrap must be at least 100");
    check(options.getRandomDraws() >= 1, "--randomDraws must be at least 1");

    List<Protocol> protocols = new ArrayList<>();
    switch (options.getProtocol()) {
      case "cv" -> protocols.add(Protocol.CV);
      case "fixed" -> protocols.add(Protocol.FIXED);
      case "both" -> protocols.addAll(List.of(Protocol.CV, Protocol.FIXED));
      case "auto" -> {
        protocols.add(Protocol.CV);
        if (labels.hasSplit()) {
          protocols.add(Protocol.FIXED);
        }
      }
      default -> throw new IllegalArgumentException("--protocol must be auto, cv, fixed or both");
    }
    check(
        !protocols.contains(Protocol.FIXED) || labels.hasSplit(),
        "the fixed protocol needs a split column in the labels (see --splitColumn)");

    List<Integer> glove = new ArrayList<>();
    List<String> gloveDimensions = list(options.getGloveDimensions());
    for (int d : bundle.embeddings().keySet()) {
      if (gloveDimensions.isEmpty() || gloveDimensions.contains(Integer.toString(d))) {
        glove.add(d);
      }
    }
    for (String d : gloveDimensions) {
      if (!d.matches("\\d+") || !glove.contains(Integer.parseInt(d))) {
        warnings.add("the bundle has no usable GloVe embedding of dimension " + d);
      }
    }
    List<String> paperModels = new ArrayList<>();
    List<String> asked = list(options.getModels());
    for (String model : asked) {
      check(MODELS.contains(model), "--models: unknown model '" + model + "'; models: " + MODELS);
    }
    for (String model : MODELS) {
      if (!asked.contains(model)) {
        continue;
      }
      if (model.endsWith("lstm-glove")) {
        String prefix = model.substring(0, model.length() - "lstm-glove".length());
        glove.forEach(d -> paperModels.add(prefix + gloveModel(d)));
        if (glove.isEmpty()) {
          warnings.add("lstm-glove is left out: the bundle has no usable GloVe embedding");
        }
      } else {
        paperModels.add(model);
      }
    }
    List<Readout> readouts = readouts(options.getReadouts());
    List<String> models = new ArrayList<>();
    for (Readout readout : readouts) {
      for (String model : paperModels) {
        if (ModelCatalog.bilstm(model)) {
          models.add(ModelCatalog.withReadout(model, readout));
        } else if (readout == readouts.get(0)) {
          models.add(model);
        }
      }
    }
    check(!models.isEmpty(), "--models leaves no model to evaluate");
    return new EvaluationSettings(
        options, folder, models, protocols, glove, embeddingSizes, warnings);
  }

  /** The readouts of {@code --readouts}, in {@link Readout}'s order. */
  private static List<Readout> readouts(String option) {
    List<Readout> readouts = new ArrayList<>();
    for (String label : list(option)) {
      try {
        readouts.add(Readout.of(label));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--readouts: unknown readout '" + label + "'; readouts: final, mean");
      }
    }
    check(!readouts.isEmpty(), "--readouts names no readout; readouts: final, mean");
    return Arrays.stream(Readout.values()).filter(readouts::contains).toList();
  }

  /** The model id of the BiLSTM on GloVe embeddings of dimension {@code d}. */
  static String gloveModel(int dimension) {
    return "lstm-glove-d" + dimension;
  }

  /** The grid: every protocol, model, target and fold or restart. */
  List<Task> tasks() {
    List<Task> tasks = new ArrayList<>();
    for (Protocol protocol : protocols) {
      for (String model : models) {
        int count =
            protocol == Protocol.CV ? folds : ModelCatalog.deterministic(model) ? 1 : restarts;
        for (String target : targets) {
          for (int i = 0; i < count; i++) {
            tasks.add(new Task(protocol, model, target, i));
          }
        }
      }
    }
    return tasks;
  }

  private static List<String> list(String text) {
    return Splitter.on(',').trimResults().omitEmptyStrings().splitToList(text);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
