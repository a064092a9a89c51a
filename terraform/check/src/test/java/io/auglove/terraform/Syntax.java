package io.auglove.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrewrite.PrintOutputCapture;
import org.openrewrite.hcl.internal.HclPrinter;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;
import org.openrewrite.hcl.tree.Label;

/** Reading Terraform's blocks, attributes and constant values from the parser's syntax tree. */
final class Syntax {

  private Syntax() {}

  /** The block's type: resource, variable, dynamic, ... */
  static String type(Hcl.Block block) {
    return block.getType().getName();
  }

  /**
   * The block's labels as text: {@code resource "google_storage_bucket" "this"} gives both names.
   */
  static List<String> labels(Hcl.Block block) {
    List<String> labels = new ArrayList<>();
    for (Label label : block.getLabels()) {
      labels.add(labelText(label));
    }
    return labels;
  }

  /** The label at {@code index}, or "" when the block has fewer labels. */
  static String label(Hcl.Block block, int index) {
    List<String> labels = labels(block);
    return index < labels.size() ? labels.get(index) : "";
  }

  private static String labelText(Label label) {
    if (label instanceof Hcl.Identifier identifier) {
      return identifier.getName();
    }
    if (label instanceof Hcl.Literal literal) {
      return unquote(literal.getValueSource());
    }
    if (label instanceof Expression expression) {
      return constantString(expression).orElse(label.toString());
    }
    return label.toString();
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }

  /**
   * The attribute's name: an identifier in a block body; in an object also a quoted key ({@code
   * "nvidia-l4" = ...}) or, rarely, a computed key, whose source text is returned.
   */
  static String name(Hcl.Attribute attribute) {
    Expression name = attribute.getName();
    if (name instanceof Hcl.Identifier identifier) {
      return identifier.getName();
    }
    if (name instanceof Hcl.VariableExpression variable) {
      return variable.getName().getName();
    }
    return constantString(name).orElseGet(() -> text(name));
  }

  /** The attributes written directly in the block's body (not in nested blocks). */
  static List<Hcl.Attribute> attributes(Hcl.Block block) {
    List<Hcl.Attribute> attributes = new ArrayList<>();
    for (BodyContent content : block.getBody()) {
      if (content instanceof Hcl.Attribute attribute) {
        attributes.add(attribute);
      }
    }
    return attributes;
  }

  /** The attribute {@code name} of the block's own body. */
  static Optional<Hcl.Attribute> attribute(Hcl.Block block, String name) {
    return attributes(block).stream().filter(a -> Syntax.name(a).equals(name)).findFirst();
  }

  /** The blocks nested directly in the block's body. */
  static List<Hcl.Block> blocks(Hcl.Block block) {
    List<Hcl.Block> blocks = new ArrayList<>();
    for (BodyContent content : block.getBody()) {
      if (content instanceof Hcl.Block nested) {
        blocks.add(nested);
      }
    }
    return blocks;
  }

  /** The top-level blocks of a file. */
  static List<Hcl.Block> blocks(Hcl.ConfigFile file) {
    List<Hcl.Block> blocks = new ArrayList<>();
    for (BodyContent content : file.getBody()) {
      if (content instanceof Hcl.Block block) {
        blocks.add(block);
      }
    }
    return blocks;
  }

  /**
   * The value of a string written as a constant ({@code "enforced"}, a heredoc without
   * interpolation), or empty when the expression is computed.
   */
  static Optional<String> constantString(Expression expression) {
    List<Expression> parts;
    if (expression instanceof Hcl.QuotedTemplate template) {
      parts = template.getExpressions();
    } else if (expression instanceof Hcl.HeredocTemplate heredoc) {
      parts = heredoc.getExpressions();
    } else if (expression instanceof Hcl.Literal literal && literal.getValue() instanceof String) {
      parts = List.of(literal);
    } else {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (Expression part : parts) {
      if (!(part instanceof Hcl.Literal literal)) {
        return Optional.empty();
      }
      text.append(literal.getValue());
    }
    return Optional.of(text.toString());
  }

  /**
   * The value of {@code true} or {@code false} written as such, or empty when the expression is
   * anything else.
   */
  static Optional<Boolean> constantBool(Expression expression) {
    if (expression instanceof Hcl.Literal literal && literal.getValue() instanceof Boolean value) {
      return Optional.of(value);
    }
    return Optional.empty();
  }

  /** How an expression is written in the source, trimmed: for messages. */
  static String text(Hcl node) {
    PrintOutputCapture<Integer> out = new PrintOutputCapture<>(0);
    new HclPrinter<Integer>().visit(node, out);
    return out.getOut().trim();
  }
}
