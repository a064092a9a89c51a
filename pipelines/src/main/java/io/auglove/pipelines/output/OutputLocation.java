package io.auglove.pipelines.output;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.pipelines.bundle.Paths;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output folder and the hidden siblings a run keeps beside it: its lock ({@code
 * .<name>.auglove-lock}), a run's staging folder ({@code .<name>.auglove-staging-<run>}) and the
 * previous output while it is being replaced ({@code .<name>.auglove-old-<run>}). Siblings rather
 * than sub-folders, so that on a local file system publishing is one rename within one folder.
 *
 * <p>Paths without a scheme and {@code file://} URIs are local; anything else ({@code
 * gs://bucket/a}) is an object store, where a folder is a name prefix and its paths are written
 * with a trailing {@code /}. Only names are computed here: nothing is read or written.
 */
final class OutputLocation implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What every sibling's name holds after the output's name. */
  static final String MARK = ".auglove-";

  static final String LOCK = "lock";
  static final String STAGING = "staging-";
  static final String OLD = "old-";

  private static final Pattern URI_SCHEME = Pattern.compile("^([a-zA-Z][-a-zA-Z0-9+.]*)://");

  private final String given;
  private final boolean local;
  // Local: an absolute, normalised path. Object store: the parent prefix, ending with '/'.
  private final String parent;
  private final String name;

  private OutputLocation(String given, boolean local, String parent, String name) {
    this.given = given;
    this.local = local;
    this.parent = parent;
    this.name = name;
  }

  /** The output at {@code output}, as a user gives it. */
  static OutputLocation of(String output) {
    checkArgument(output != null && !output.isBlank(), "the output path is empty");
    checkArgument(
        !Paths.isGlob(output), "output %s holds a wildcard (* ? [ {): give one folder", output);
    Matcher scheme = URI_SCHEME.matcher(output);
    if (!scheme.find()) {
      return local(output, Path.of(output));
    }
    if (scheme.group(1).equalsIgnoreCase("file")) {
      return local(output, Path.of(URI.create(output)));
    }
    return objectStore(output, scheme.end());
  }

  private static OutputLocation local(String given, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    checkArgument(
        absolute.getParent() != null && absolute.getFileName() != null,
        "output %s is the root of its file system: give a folder inside it",
        given);
    return new OutputLocation(
        given, true, absolute.getParent().toString(), absolute.getFileName().toString());
  }

  private static OutputLocation objectStore(String given, int schemeEnd) {
    String rest = given.substring(schemeEnd);
    int end = rest.length();
    while (end > 0 && rest.charAt(end - 1) == '/') {
      end--;
    }
    rest = rest.substring(0, end);
    int slash = rest.lastIndexOf('/');
    checkArgument(
        slash > 0,
        "output %s is a bucket, not a folder in it: give a folder such as %s%s/auglove/out",
        given,
        given.substring(0, schemeEnd),
        rest.isEmpty() ? "bucket" : rest);
    String name = rest.substring(slash + 1);
    checkArgument(
        !name.equals(".") && !name.equals(".."), "output %s must end with a folder name", given);
    return new OutputLocation(
        given, false, given.substring(0, schemeEnd) + rest.substring(0, slash + 1), name);
  }

  /** The output as the user gave it, for messages. */
  String given() {
    return given;
  }

  /** Whether the output is on a local file system, where a folder can be renamed. */
  boolean isLocal() {
    return local;
  }

  /** The folder holding the output and its siblings, ending with a separator. */
  String parentFolder() {
    return folder(parent);
  }

  /** The output folder, ending with a separator. */
  String outputFolder() {
    return folder(output());
  }

  /** The output folder, without a trailing separator. */
  String output() {
    return sibling(name);
  }

  /** The lock file. */
  String lock() {
    return sibling(hidden(LOCK));
  }

  /** Run {@code run}'s staging folder, without a trailing separator. */
  String staging(String run) {
    return sibling(hidden(STAGING + run));
  }

  /** Where run {@code run} keeps the previous output while it publishes. */
  String old(String run) {
    return sibling(hidden(OLD + run));
  }

  /** What the names of the siblings of kind {@code kind} ({@link #STAGING}, ...) start with. */
  String siblingPrefix(String kind) {
    return hidden(kind);
  }

  /** {@code path} with a trailing separator. */
  static String folder(String path) {
    return path.endsWith("/") ? path : path + "/";
  }

  private String hidden(String suffix) {
    return "." + name + MARK + suffix;
  }

  private String sibling(String siblingName) {
    return local ? Path.of(parent).resolve(siblingName).toString() : parent + siblingName;
  }
}
