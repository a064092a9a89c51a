package io.auglove.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openrewrite.Tree;
import org.openrewrite.hcl.HclIsoVisitor;
import org.openrewrite.hcl.tree.Hcl;

/**
 * The text that a part of a file holds as string literals: quoted strings, heredocs and the literal
 * pieces around their interpolations, but not comments, and not the prose of description and
 * error_message attributes (which may name what they forbid).
 */
final class StringLiterals {

  private static final Set<String> PROSE = Set.of("description", "error_message");
  private static final Set<String> ASSERTIONS =
      Set.of("validation", "precondition", "postcondition");

  private StringLiterals() {}

  /** The string literals in {@code node}, in source order. */
  static List<Hcl.Literal> in(Tree node) {
    List<Hcl.Literal> literals = new ArrayList<>();
    new HclIsoVisitor<List<Hcl.Literal>>() {
      @Override
      public Hcl.Attribute visitAttribute(Hcl.Attribute attribute, List<Hcl.Literal> found) {
        return PROSE.contains(Syntax.name(attribute))
            ? attribute
            : super.visitAttribute(attribute, found);
      }

      @Override
      public Hcl.Block visitBlock(Hcl.Block block, List<Hcl.Literal> found) {
        return ASSERTIONS.contains(Syntax.type(block)) ? block : super.visitBlock(block, found);
      }

      @Override
      public Hcl.Literal visitLiteral(Hcl.Literal literal, List<Hcl.Literal> found) {
        if (literal.getValue() instanceof String) {
          found.add(literal);
        }
        return super.visitLiteral(literal, found);
      }
    }.visit(node, literals);
    return literals;
  }
}
