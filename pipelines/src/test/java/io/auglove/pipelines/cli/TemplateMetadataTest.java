package io.auglove.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateMetadataTest {

  @TempDir Path folder;

  /** The options a pipeline declares, found independently of the generator. */
  private static Set<String> declaredOptions(Class<? extends PipelineOptions> type) {
    Set<String> names = new TreeSet<>();
    for (Method getter : type.getMethods()) {
      if (getter.isAnnotationPresent(Description.class)
          && getter.getDeclaringClass().getName().startsWith("io.auglove.")) {
        String name = getter.getName().replaceFirst("^(get|is)", "");
        names.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      }
    }
    return names;
  }

  @Test
  void everyOptionHasItsParameterAndEveryParameterIsAnOption() {
    for (Map.Entry<String, Map.Entry<Class<? extends PipelineOptions>, String>> pipeline :
        TemplateCommand.PIPELINES.entrySet()) {
      Class<? extends PipelineOptions> type = pipeline.getValue().getKey();
      JsonNode metadata = TemplateMetadata.of(pipeline.getKey(), "d", type);
      Set<String> parameters = new TreeSet<>();
      metadata.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
      assertEquals(declaredOptions(type), parameters, pipeline.getKey());
      assertTrue(parameters.size() >= 4, pipeline.getKey());
      for (JsonNode parameter : metadata.path("parameters")) {
        assertFalse(parameter.path("label").asText().isBlank(), parameter.toString());
        assertFalse(parameter.path("helpText").asText().isBlank(), parameter.toString());
      }
    }
  }

  @Test
  void requiredOptionsAreRequiredParametersAndTheRegexesValidate() {
    JsonNode metadata =
        TemplateMetadata.of(
            "vocabulary", "d", TemplateCommand.PIPELINES.get("vocabulary").getKey());
    Map<String, JsonNode> byName = toMap(metadata.path("parameters"));
    assertFalse(byName.get("input").path("isOptional").asBoolean());
    assertFalse(byName.get("output").path("isOptional").asBoolean());
    assertTrue(byName.get("seed").path("isOptional").asBoolean());
    assertTrue(byName.get("input").path("regexes").isMissingNode());
    assertEquals("Max gap seconds", byName.get("maxGapSeconds").path("label").asText());

    assertMatches(byName, "k", "100,200,500", "100;200", "");
    assertMatches(byName, "vocabK", "1000", "1e3", "ten");
    assertMatches(byName, "minConfidence", "0.9", "high", "");
    assertMatches(byName, "tolerance", "1e-4", "1e", "-");
    assertMatches(byName, "weighting", "HARMONIC", "harmonic", "CUBIC");
    assertMatches(byName, "overwrite", "true", "yes", "1");
  }

  private static Map<String, JsonNode> toMap(JsonNode parameters) {
    List<JsonNode> list = new ArrayList<>();
    parameters.forEach(list::add);
    return list.stream().collect(Collectors.toMap(p -> p.path("name").asText(), p -> p));
  }

  private static void assertMatches(
      Map<String, JsonNode> byName, String name, String good, String... bad) {
    String regex = byName.get(name).path("regexes").get(0).asText();
    assertTrue(good.matches(regex), name + ": " + good + " against " + regex);
    for (String value : bad) {
      assertFalse(value.matches(regex), name + ": " + value + " against " + regex);
    }
  }

  /** Each parameter's default, as a template launcher would pass it, is taken by Beam's parser. */
  @Test
  void theDefaultsPassTheirRegexesAndBeamsParser() throws Exception {
    for (Map.Entry<String, Map.Entry<Class<? extends PipelineOptions>, String>> pipeline :
        TemplateCommand.PIPELINES.entrySet()) {
      Class<? extends PipelineOptions> type = pipeline.getValue().getKey();
      PipelineOptions defaults = PipelineOptionsFactory.as(type);
      List<String> args = new ArrayList<>();
      for (JsonNode parameter :
          TemplateMetadata.of(pipeline.getKey(), "d", type).path("parameters")) {
        String name = parameter.path("name").asText();
        Object value =
            type.getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .invoke(defaults);
        String text =
            value == null
                ? "7"
                : value instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : String.valueOf(value);
        JsonNode regexes = parameter.path("regexes");
        if (!regexes.isMissingNode()) {
          assertTrue(text.matches(regexes.get(0).asText()), name + "=" + text);
        }
        args.add("--" + name + "=" + text);
      }
      PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation().as(type);
    }
  }

  @Test
  void theCommandWritesTheMetadataAndRefusesAnUnknownPipeline() throws Exception {
    Path file = folder.resolve("vocabulary.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      assertEquals(
          0,
          Cli.run(
              new String[] {"template", "--pipeline=vocabulary", "--metadataFile=" + file}, o, e));
      assertEquals(
          Cli.BAD_USAGE,
          Cli.run(new String[] {"template", "--pipeline=nope", "--metadataFile=" + file}, o, e));
    }
    JsonNode metadata = Json.read(Files.readString(file));
    assertEquals("auglove vocabulary", metadata.path("name").asText());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--pipeline=nope is not one of"));
  }
}
