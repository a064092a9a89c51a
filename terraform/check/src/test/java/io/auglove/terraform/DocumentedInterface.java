package io.auglove.terraform;

import java.util.List;
import java.util.Map;
import org.openrewrite.hcl.tree.Hcl;

/**
 * A folder's interface is documented: every variable has a type and a description, every output a
 * description, and no output only echoes a variable (outputs come from resources).
 */
final class DocumentedInterface implements Rule {

  @Override
  public void check(TerraformFolder folder, Folders folders, List<Finding> findings) {
    for (Map.Entry<String, TerraformFolder.Declaration> variable : folder.variables().entrySet()) {
      Hcl.Block block = (Hcl.Block) variable.getValue().node();
      for (String required : List.of("type", "description")) {
        if (Syntax.attribute(block, required).isEmpty()) {
          findings.add(
              variable
                  .getValue()
                  .file()
                  .finding(block, "variable \"" + variable.getKey() + "\" has no " + required));
        }
      }
    }
    for (Map.Entry<String, TerraformFolder.Declaration> output : folder.outputs().entrySet()) {
      TfFile file = output.getValue().file();
      Hcl.Block block = (Hcl.Block) output.getValue().node();
      if (Syntax.attribute(block, "description").isEmpty()) {
        findings.add(file.finding(block, "output \"" + output.getKey() + "\" has no description"));
      }
      Syntax.attribute(block, "value")
          .ifPresent(
              value -> {
                for (Reference reference : References.in(file, value)) {
                  if (reference.root().equals("var")) {
                    findings.add(
                        reference.finding(
                            "output \""
                                + output.getKey()
                                + "\" echoes "
                                + reference.text(1)
                                + "; outputs come from resources"));
                  }
                }
              });
    }
  }
}
