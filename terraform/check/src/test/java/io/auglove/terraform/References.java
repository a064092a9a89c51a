package io.auglove.terraform;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.openrewrite.Cursor;
import org.openrewrite.Tree;
import org.openrewrite.hcl.HclIsoVisitor;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Every reference in a file, read from the syntax tree: comments are not in it, the text of a
 * string is a literal, and only what stands in a {@code ${...}} interpolation is an expression.
 * Names that Terraform binds itself are left out: {@code each}, {@code count}, {@code self}, {@code
 * path}, {@code terraform}, the variables of a {@code for} expression inside it, and a {@code
 * dynamic} block's iterator inside that block.
 */
final class References {

  private static final Set<String> BUILT_IN = Set.of("each", "count", "self", "path", "terraform");

  private References() {}

  /** The references of {@code file}, in source order. */
  static List<Reference> in(TfFile file) {
    return in(file, file.tree());
  }

  /**
   * The references in {@code node}, a part of {@code file}. For expressions and dynamic blocks that
   * enclose {@code node} from outside are not seen, so their variables count as references here.
   */
  static List<Reference> in(TfFile file, Tree node) {
    List<Reference> references = new ArrayList<>();
    new Collector(file).visit(node, references);
    return references;
  }

  private static final class Collector extends HclIsoVisitor<List<Reference>> {

    private final TfFile file;

    Collector(TfFile file) {
      this.file = file;
    }

    @Override
    public Hcl.Attribute visitAttribute(Hcl.Attribute attribute, List<Reference> references) {
      Object parent = parentTree();
      if (parent instanceof Hcl.Block block && holdsNoExpression(block, Syntax.name(attribute))) {
        return attribute;
      }
      if (parent instanceof Hcl.ObjectValue) {
        // An object's key is a name, not a reference ({ input = ... }); only its value is read.
        visit(attribute.getValue(), references);
        return attribute;
      }
      return super.visitAttribute(attribute, references);
    }

    /** The nearest enclosing tree node, or null at the top of the visit. */
    private Object parentTree() {
      for (Cursor cursor = getCursor().getParent(); cursor != null; cursor = cursor.getParent()) {
        if (cursor.getValue() instanceof Tree tree) {
          return tree;
        }
      }
      return null;
    }

    /**
     * Attributes whose value Terraform reads as names of another kind: a variable's type
     * constraint, the provider a resource uses, the providers handed to a module, the attributes a
     * lifecycle ignores, a dynamic block's iterator name.
     */
    private static boolean holdsNoExpression(Hcl.Block block, String attribute) {
      return switch (Syntax.type(block)) {
        case "variable" -> attribute.equals("type");
        case "resource", "data" -> attribute.equals("provider");
        case "module" -> attribute.equals("providers");
        case "lifecycle" -> attribute.equals("ignore_changes");
        case "dynamic" -> attribute.equals("iterator");
        default -> false;
      };
    }

    @Override
    public Hcl.VariableExpression visitVariableExpression(
        Hcl.VariableExpression variable, List<Reference> references) {
      String root = variable.getName().getName();
      if (!BUILT_IN.contains(root) && !boundByEnclosingExpression(root)) {
        references.add(new Reference(file, variable, root, accessedNames(variable)));
      }
      return super.visitVariableExpression(variable, references);
    }

    /**
     * Whether an enclosing for expression (outside its collection) or dynamic block binds {@code
     * name}.
     */
    private boolean boundByEnclosingExpression(String name) {
      Object child = null;
      for (Iterator<Object> path = getCursor().getPath(o -> o instanceof Tree); path.hasNext(); ) {
        Object node = path.next();
        Hcl.ForIntro intro =
            node instanceof Hcl.ForObject forObject
                ? forObject.getIntro()
                : node instanceof Hcl.ForTuple forTuple ? forTuple.getIntro() : null;
        // The collection after "in" is evaluated outside the for expression's own variables.
        if (intro != null && child != intro && binds(intro, name)) {
          return true;
        }
        if (node instanceof Hcl.Block block
            && Syntax.type(block).equals("dynamic")
            && iteratorName(block).equals(name)) {
          return true;
        }
        child = node;
      }
      return false;
    }

    private static boolean binds(Hcl.ForIntro intro, String name) {
      return intro.getVariables().stream().anyMatch(v -> v.getName().equals(name));
    }

    private static String iteratorName(Hcl.Block dynamic) {
      return Syntax.attribute(dynamic, "iterator")
          .map(Hcl.Attribute::getValue)
          .filter(Hcl.VariableExpression.class::isInstance)
          .map(v -> ((Hcl.VariableExpression) v).getName().getName())
          .orElse(Syntax.label(dynamic, 0));
    }

    /**
     * The attribute names read after the root, at most two, stepping over index brackets and
     * splats.
     */
    private List<String> accessedNames(Hcl.VariableExpression variable) {
      List<String> names = new ArrayList<>();
      Tree current = variable;
      for (Cursor cursor = getCursor().getParent();
          cursor != null && names.size() < 2;
          cursor = cursor.getParent()) {
        Object parent = cursor.getValue();
        if (!(parent instanceof Tree)) {
          continue; // padding and containers around the child
        }
        if (parent instanceof Hcl.AttributeAccess access && access.getAttribute() == current) {
          names.add(access.getPadding().getName().getElement().getName());
        } else if (!(parent instanceof Hcl.Index index && index.getIndexed() == current)
            && !(parent instanceof Hcl.Splat splat && splat.getSelect() == current)) {
          break;
        }
        current = (Tree) parent;
      }
      return names;
    }
  }
}
