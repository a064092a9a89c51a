package io.auglove.terraform;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.openrewrite.PrintOutputCapture;
import org.openrewrite.Tree;
import org.openrewrite.hcl.internal.HclPrinter;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Line numbers of the nodes of a parsed file. The parser's tree keeps every character (it prints
 * back to the source exactly), so printing it while noting where each node starts gives each node's
 * offset in the source.
 */
final class SourcePositions {

  private final String source;
  private final Map<UUID, Integer> offsets;

  private SourcePositions(String source, Map<UUID, Integer> offsets) {
    this.source = source;
    this.offsets = offsets;
  }

  /**
   * Positions in {@code source}, which {@code file} was parsed from.
   *
   * @throws IllegalStateException if the tree does not print back to the source
   */
  static SourcePositions of(Hcl.ConfigFile file, String source) {
    Map<UUID, Integer> offsets = new HashMap<>();
    PrintOutputCapture<Integer> out = new PrintOutputCapture<>(0);
    new HclPrinter<Integer>() {
      @Override
      public Hcl visit(Tree tree, PrintOutputCapture<Integer> p) {
        if (tree != null) {
          offsets.putIfAbsent(tree.getId(), p.getOut().length());
        }
        return super.visit(tree, p);
      }
    }.visit(file, out);
    if (!out.getOut().equals(source)) {
      throw new IllegalStateException("the parser's tree does not print back to the source");
    }
    return new SourcePositions(source, offsets);
  }

  /** The 1-based line where {@code node} starts, after the blanks and comments that precede it. */
  int line(Tree node) {
    Integer offset = offsets.get(node.getId());
    if (offset == null) {
      throw new IllegalArgumentException("not a node of this file: " + node);
    }
    int start = skipBlanksAndComments(offset);
    int line = 1;
    for (int i = 0; i < start; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private int skipBlanksAndComments(int from) {
    int i = from;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#' || source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end + 1;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
      } else {
        break;
      }
    }
    return i;
  }
}
