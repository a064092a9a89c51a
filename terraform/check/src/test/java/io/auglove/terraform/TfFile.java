package io.auglove.terraform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ParseExceptionResult;
import org.openrewrite.Parser;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.hcl.HclParser;
import org.openrewrite.hcl.tree.Hcl;
import org.openrewrite.tree.ParseError;

/**
 * One parsed {@code .tf} file.
 *
 * @param path the file, relative to the checked terraform/ folder (as findings name it)
 * @param tree its syntax tree, every expression as written
 */
record TfFile(Path path, Hcl.ConfigFile tree, SourcePositions positions) {

  private static final Pattern SYNTAX_ERROR = Pattern.compile("at line (\\d+):(\\d+) ([^\\n]*)");

  /**
   * Parses {@code source}; when it is not valid HCL, adds a finding with the parser's line and
   * message and returns empty.
   */
  static Optional<TfFile> parse(Path path, String source, List<Finding> findings) {
    List<Throwable> errors = new ArrayList<>();
    ExecutionContext context = new InMemoryExecutionContext(errors::add);
    List<SourceFile> parsed =
        HclParser.builder()
            .build()
            .parseInputs(List.of(Parser.Input.fromString(path, source)), null, context)
            .toList();
    SourceFile file = parsed.isEmpty() ? null : parsed.get(0);
    if (errors.isEmpty() && file instanceof Hcl.ConfigFile config) {
      try {
        return Optional.of(new TfFile(path, config, SourcePositions.of(config, source)));
      } catch (IllegalStateException e) {
        findings.add(new Finding(path, 1, "does not parse: " + e.getMessage()));
        return Optional.empty();
      }
    }
    String message =
        errors.isEmpty()
            ? file instanceof ParseError error
                ? error
                    .getMarkers()
                    .findFirst(ParseExceptionResult.class)
                    .map(ParseExceptionResult::getMessage)
                    .orElse("no syntax tree")
                : "no syntax tree"
            : errors.get(0).getMessage();
    findings.add(syntaxError(path, message));
    return Optional.empty();
  }

  private static Finding syntaxError(Path path, String parserMessage) {
    Matcher matcher = SYNTAX_ERROR.matcher(parserMessage == null ? "" : parserMessage);
    if (matcher.find()) {
      return new Finding(
          path,
          Integer.parseInt(matcher.group(1)),
          "does not parse: column "
              + (Integer.parseInt(matcher.group(2)) + 1)
              + ": "
              + matcher.group(3));
    }
    return new Finding(path, 1, "does not parse: " + parserMessage);
  }

  /** The 1-based line where {@code node} starts. */
  int line(Tree node) {
    return positions.line(node);
  }

  /** A finding at {@code node}. */
  Finding finding(Tree node, String message) {
    return new Finding(path, line(node), message);
  }
}
