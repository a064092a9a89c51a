package io.auglove.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openrewrite.hcl.tree.Hcl;

/**
 * The {@code .tf} files of one folder, which Terraform reads as one module, and what they declare:
 * variables, locals, resources, data sources, module calls and outputs.
 */
final class TerraformFolder {

  /** Where a name is declared: the file and the node that declares it. */
  record Declaration(TfFile file, Hcl node) {}

  private final Path dir;
  private final List<TfFile> files;
  private final boolean complete;
  private final Map<String, Declaration> variables = new LinkedHashMap<>();
  private final Map<String, Declaration> locals = new LinkedHashMap<>();
  private final Map<String, Declaration> resources = new LinkedHashMap<>();
  private final Map<String, Declaration> dataSources = new LinkedHashMap<>();
  private final Map<String, Declaration> modules = new LinkedHashMap<>();
  private final Map<String, Declaration> outputs = new LinkedHashMap<>();

  private TerraformFolder(Path dir, List<TfFile> files, boolean complete) {
    this.dir = dir;
    this.files = files;
    this.complete = complete;
    for (TfFile file : files) {
      for (Hcl.Block block : Syntax.blocks(file.tree())) {
        declare(file, block);
      }
    }
  }

  /**
   * Parses every {@code .tf} file of {@code dir}; files that do not parse become findings, with
   * paths relative to {@code root}, and are left out.
   */
  static TerraformFolder load(Path root, Path dir, List<Finding> findings) {
    List<TfFile> files = new ArrayList<>();
    List<Path> paths = tfFiles(dir);
    for (Path path : paths) {
      Path relative = root.relativize(path);
      TfFile.parse(relative, read(path), findings).ifPresent(files::add);
    }
    return new TerraformFolder(dir, files, files.size() == paths.size());
  }

  private static List<Path> tfFiles(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private void declare(TfFile file, Hcl.Block block) {
    switch (Syntax.type(block)) {
      case "variable" -> variables.put(Syntax.label(block, 0), new Declaration(file, block));
      case "output" -> outputs.put(Syntax.label(block, 0), new Declaration(file, block));
      case "module" -> modules.put(Syntax.label(block, 0), new Declaration(file, block));
      case "resource" -> resources.put(address(block), new Declaration(file, block));
      case "data" -> dataSources.put(address(block), new Declaration(file, block));
      case "locals" -> {
        for (Hcl.Attribute local : Syntax.attributes(block)) {
          locals.put(Syntax.name(local), new Declaration(file, local));
        }
      }
      default -> {}
    }
  }

  /** TYPE.NAME of a resource or data block. */
  static String address(Hcl.Block block) {
    return Syntax.label(block, 0) + "." + Syntax.label(block, 1);
  }

  Path dir() {
    return dir;
  }

  /** The files that parsed. */
  List<TfFile> files() {
    return files;
  }

  /**
   * Whether every file parsed. When one did not, what the folder declares is not known, and
   * references into it are not judged.
   */
  boolean complete() {
    return complete;
  }

  /** Variable blocks by name. */
  Map<String, Declaration> variables() {
    return variables;
  }

  /** Local values by name; each declaration's node is the attribute that defines it. */
  Map<String, Declaration> locals() {
    return locals;
  }

  /** Resource blocks by TYPE.NAME. */
  Map<String, Declaration> resources() {
    return resources;
  }

  /** Data blocks by TYPE.NAME. */
  Map<String, Declaration> dataSources() {
    return dataSources;
  }

  /** Module blocks by name. */
  Map<String, Declaration> modules() {
    return modules;
  }

  /** Output blocks by name. */
  Map<String, Declaration> outputs() {
    return outputs;
  }
}
