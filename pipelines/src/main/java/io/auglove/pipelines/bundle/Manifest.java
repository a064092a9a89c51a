package io.auglove.pipelines.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The bundle's {@code manifest.json}, written last. Its sections come from where their data lives
 * in the pipeline, each as a {@code (name, JSON)} pair; they are written in a fixed order, then
 * {@code "files"} (every other file of the bundle with its SHA-256) and {@code "run"}. Everything
 * that varies from one run to the next (timestamps, durations, the runner) is under {@code "run"}:
 * the rest of the manifest, like every other file of the bundle, is the same for the same input,
 * parameters and seed.
 */
public final class Manifest {

  /**
   * Sections in the order they are written; a section named {@code run.x} goes into "run" as "x".
   */
  public static final ImmutableList<String> SECTIONS =
      ImmutableList.of(
          "parameters",
          "warnings",
          "input",
          "quality",
          "kmeans",
          "vocabulary",
          "cooccurrence",
          "glove");

  private Manifest() {}

  /** Versions of the project and of its engines, as built. */
  public static ObjectNode software() {
    Properties versions = new Properties();
    try (InputStream in =
        Manifest.class.getResourceAsStream("/io/auglove/pipelines/versions.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading versions.properties failed: " + e.getMessage(), e);
    }
    ObjectNode software = Json.object();
    for (String name : new String[] {"auglove", "beam", "djl", "pytorch"}) {
      software.put(name, versions.getProperty(name));
    }
    software.put("java", System.getProperty("java.version"));
    return software;
  }

  /** The manifest's text from its sections (JSON texts by name) and the files written. */
  public static String text(
      Map<String, String> sections, Map<String, String> files, Instant written) {
    ObjectNode manifest = Json.object();
    manifest.put("format", "auglove-vocabulary-bundle");
    manifest.put("format_version", 1);
    manifest.set("software", software());
    for (String name : SECTIONS) {
      if (sections.containsKey(name)) {
        manifest.set(name, Json.read(sections.get(name)));
      }
    }
    ObjectNode fileHashes = manifest.putObject("files");
    new TreeMap<>(files).forEach(fileHashes::put);
    ObjectNode run = manifest.putObject("run");
    new TreeMap<>(sections)
        .forEach(
            (name, json) -> {
              if (name.startsWith("run.")) {
                JsonNode value = Json.read(json);
                run.set(name.substring("run.".length()), value);
              }
            });
    run.put("manifest_written", written.toString());
    return Json.write(manifest);
  }
}
