package io.auglove.pipelines.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.auglove.pipelines.bundle.Paths;
import java.util.Map;

/**
 * An output folder whose files were checked against its manifest by {@link OutputManifest#verify}:
 * its manifest and the files it lists, the only files a reader should open.
 */
public final class VerifiedOutput {

  private final String folder;
  private final JsonNode manifest;
  private final ImmutableSortedMap<String, String> files;

  VerifiedOutput(String folder, JsonNode manifest, Map<String, String> files) {
    this.folder = folder;
    this.manifest = manifest;
    this.files = ImmutableSortedMap.copyOf(files);
  }

  /** The folder, as it was given. */
  public String folder() {
    return folder;
  }

  /** The parsed {@code manifest.json}. */
  public JsonNode manifest() {
    return manifest;
  }

  /** The relative names of the files the manifest lists, sorted. */
  public ImmutableList<String> files() {
    return files.keySet().asList();
  }

  /** Whether the manifest lists {@code name}. */
  public boolean has(String name) {
    return files.containsKey(name);
  }

  /**
   * The path of the listed file {@code name}.
   *
   * @throws IllegalArgumentException naming the folder if its manifest does not list it
   */
  public String path(String name) {
    if (!files.containsKey(name)) {
      throw new IllegalArgumentException(
          folder + " has no " + name + ": its " + OutputManifest.FILE_NAME + " does not list it");
    }
    return Paths.resolve(folder, name);
  }

  /** The SHA-256 the manifest lists for {@code name}. */
  public String sha256(String name) {
    path(name);
    return files.get(name);
  }
}
