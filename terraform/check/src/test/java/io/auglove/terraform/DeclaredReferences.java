package io.auglove.terraform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Every name an expression reads is declared: {@code var.X} by a variable block of the same folder,
 * {@code local.X} by a locals block, {@code module.M} by a module block and {@code module.M.O} by
 * an output of the module's (local) source folder, {@code data.T.N} and {@code T.N} by data and
 * resource blocks.
 */
final class DeclaredReferences implements Rule {

  @Override
  public void check(TerraformFolder folder, Folders folders, List<Finding> findings) {
    if (!folder.complete()) {
      return; // its parse errors are reported; its declarations are not all known
    }
    for (TfFile file : folder.files()) {
      for (Reference reference : References.in(file)) {
        problem(folder, folders, reference).map(reference::finding).ifPresent(findings::add);
      }
    }
  }

  private static Optional<String> problem(
      TerraformFolder folder, Folders folders, Reference reference) {
    String name = reference.name(0);
    return switch (reference.root()) {
      case "var" ->
          name != null && folder.variables().containsKey(name)
              ? Optional.empty()
              : Optional.of(
                  reference.text(1) + " is not declared: no variable \"" + name + "\" block");
      case "local" ->
          name != null && folder.locals().containsKey(name)
              ? Optional.empty()
              : Optional.of(reference.text(1) + " is not declared in any locals block");
      case "data" ->
          reference.name(1) != null
                  && folder.dataSources().containsKey(name + "." + reference.name(1))
              ? Optional.empty()
              : Optional.of(
                  reference.text(2) + " is not declared: no data block of that type and name");
      case "module" -> moduleProblem(folder, folders, reference);
      default -> resourceProblem(folder, reference);
    };
  }

  private static Optional<String> moduleProblem(
      TerraformFolder folder, Folders folders, Reference reference) {
    String module = reference.name(0);
    TerraformFolder.Declaration call = module == null ? null : folder.modules().get(module);
    if (call == null) {
      return Optional.of(
          reference.text(1) + " is not declared: no module \"" + module + "\" block");
    }
    String output = reference.name(1);
    Optional<String> source =
        Syntax.attribute((Hcl.Block) call.node(), "source")
            .flatMap(a -> Syntax.constantString(a.getValue()))
            .filter(s -> s.startsWith("./") || s.startsWith("../"));
    if (output == null || source.isEmpty()) {
      return Optional.empty(); // a registry module's outputs are not here to check
    }
    Path sourceDir = folder.dir().resolve(source.get()).normalize();
    Optional<TerraformFolder> called = folders.at(sourceDir).filter(TerraformFolder::complete);
    if (called.isEmpty() && Files.isDirectory(sourceDir)) {
      return Optional.empty(); // the module's parse errors are its own findings
    }
    if (called.isEmpty()) {
      return Optional.of(
          reference.text(1) + ": its source " + source.get() + " is not a folder of .tf files");
    }
    return called.get().outputs().containsKey(output)
        ? Optional.empty()
        : Optional.of(
            reference.text(2)
                + " is not declared: "
                + source.get()
                + " has no output \""
                + output
                + "\"");
  }

  private static Optional<String> resourceProblem(TerraformFolder folder, Reference reference) {
    String name = reference.name(0);
    if (name == null) {
      return Optional.of(
          reference.root()
              + " is not declared: not a variable, local, module, data source, resource or"
              + " iteration variable");
    }
    return folder.resources().containsKey(reference.root() + "." + name)
        ? Optional.empty()
        : Optional.of(
            reference.text(1)
                + " is not declared: no resource \""
                + reference.root()
                + "\" \""
                + name
                + "\" block");
  }
}
