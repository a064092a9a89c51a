package io.auglove.terraform;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.hcl.tree.Hcl;

/**
 * No IAM member is {@code allUsers} or {@code allAuthenticatedUsers}, wherever the string is
 * written (a member attribute, a local, a variable default): either would open the patients' data
 * to anyone.
 */
final class NoPublicMembers implements Rule {

  private static final Pattern PUBLIC = Pattern.compile("\\b(allUsers|allAuthenticatedUsers)\\b");

  @Override
  public void check(TerraformFolder folder, Folders folders, List<Finding> findings) {
    for (TfFile file : folder.files()) {
      for (Hcl.Literal literal : StringLiterals.in(file.tree())) {
        Matcher matcher = PUBLIC.matcher((String) literal.getValue());
        if (matcher.find()) {
          findings.add(
              file.finding(
                  literal,
                  "IAM member \""
                      + matcher.group(1)
                      + "\" makes a resource public; health data must name its readers"));
        }
      }
    }
  }
}
