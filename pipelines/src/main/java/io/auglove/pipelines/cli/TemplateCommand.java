package io.auglove.pipelines.cli;

import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.evaluate.EvaluateOptions;
import io.auglove.pipelines.featurize.FeaturizeOptions;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import java.io.PrintStream;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;

/** {@code auglove template}: a pipeline's Dataflow flex-template metadata, from its options. */
final class TemplateCommand implements Command<TemplateOptions> {

  /** The pipelines a template can launch: their options and what they do. */
  static final Map<String, Map.Entry<Class<? extends PipelineOptions>, String>> PIPELINES =
      Map.of(
          "vocabulary",
          Map.entry(
              VocabularyOptions.class,
              "learn a vocabulary of facial expressions and its GloVe embeddings from OpenFace CSVs"),
          "featurize",
          Map.entry(
              FeaturizeOptions.class,
              "turn OpenFace CSVs into token, id and AU sequences with a bundle's vocabulary"),
          "evaluate",
          Map.entry(
              EvaluateOptions.class,
              "score the paper's models and baselines on labelled recordings"));

  @Override
  public String name() {
    return "template";
  }

  @Override
  public String summary() {
    return "write a pipeline's Dataflow flex-template metadata, generated from its options";
  }

  @Override
  public boolean runsPipeline() {
    return false;
  }

  @Override
  public Class<TemplateOptions> optionsType() {
    return TemplateOptions.class;
  }

  @Override
  public int run(TemplateOptions options, PrintStream out) {
    Map.Entry<Class<? extends PipelineOptions>, String> pipeline =
        PIPELINES.get(options.getPipeline());
    if (pipeline == null) {
      throw new IllegalArgumentException(
          "--pipeline=" + options.getPipeline() + " is not one of vocabulary, featurize, evaluate");
    }
    String metadata =
        Json.write(
            TemplateMetadata.of(options.getPipeline(), pipeline.getValue(), pipeline.getKey()));
    Paths.write(options.getMetadataFile(), metadata);
    out.println(
        "Wrote the flex-template metadata of "
            + options.getPipeline()
            + " to "
            + options.getMetadataFile());
    return 0;
  }
}
