package io.auglove.pipelines.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.CaseFormat;
import io.auglove.pipelines.bundle.Json;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * A Dataflow flex template's metadata ({@code gcloud dataflow flex-template build
 * --metadata-file}), generated from a pipeline's options interfaces: one parameter per option the
 * project declares, named as the option, with its description as help text, optional unless
 * required, and a validating regular expression for numbers, booleans, lists and choices.
 */
final class TemplateMetadata {

  /** Whole numbers, possibly negative. */
  static final String WHOLE = "^-?[0-9]+$";

  /** Decimal numbers, with an optional exponent. */
  static final String DECIMAL = "^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$";

  /** Comma-separated whole numbers. */
  static final String WHOLE_LIST = "^[0-9]+(,[0-9]+)*$";

  private TemplateMetadata() {}

  /** The metadata of the pipeline {@code name} whose options are {@code type}. */
  static ObjectNode of(String name, String description, Class<? extends PipelineOptions> type) {
    ObjectNode metadata = Json.object();
    metadata.put("name", "auglove " + name);
    metadata.put("description", description);
    ArrayNode parameters = metadata.putArray("parameters");
    List<Method> getters = CommandOptions.ownGetters(type);
    getters.sort(Comparator.comparing(Method::getName));
    for (Method getter : getters) {
      String option = CommandOptions.property(getter.getName());
      ObjectNode parameter = parameters.addObject();
      parameter.put("name", option);
      parameter.put("label", label(option));
      parameter.put("helpText", getter.getAnnotation(Description.class).value());
      parameter.put("isOptional", getter.getAnnotation(Validation.Required.class) == null);
      String regex = regex(getter.getReturnType());
      if (regex != null) {
        parameter.putArray("regexes").add(regex);
      }
    }
    return metadata;
  }

  /** {@code maxGapSeconds} as "Max gap seconds". */
  static String label(String option) {
    String words = CaseFormat.LOWER_CAMEL.to(CaseFormat.LOWER_UNDERSCORE, option).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The regular expression a value of {@code type} matches, or null for free text. */
  static String regex(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return WHOLE;
    }
    if (type == double.class || type == Double.class) {
      return DECIMAL;
    }
    if (type == boolean.class || type == Boolean.class) {
      return "^(true|false)$";
    }
    if (List.class.isAssignableFrom(type)) {
      return WHOLE_LIST;
    }
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants())
          .map(String::valueOf)
          .collect(Collectors.joining("|", "^(", ")$"));
    }
    return null;
  }
}
