package io.auglove.terraform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openrewrite.Tree;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Storage roles ({@code roles/storage.*}) are never bound on the project (nor a folder or
 * organization): a project-wide role reaches every bucket, the patients' data included. The role
 * strings are looked for in the IAM resource and in every local, variable default and data source
 * it reads, transitively.
 */
final class StorageRolesOnBuckets implements Rule {

  private static final Pattern WIDE_IAM =
      Pattern.compile("google_(project|folder|organization)_iam_(member|binding|policy)");
  private static final Pattern STORAGE_ROLE = Pattern.compile("^roles/storage\\.");

  @Override
  public void check(TerraformFolder folder, Folders folders, List<Finding> findings) {
    for (Map.Entry<String, TerraformFolder.Declaration> resource : folder.resources().entrySet()) {
      String type = resource.getKey().substring(0, resource.getKey().indexOf('.'));
      if (WIDE_IAM.matcher(type).matches()) {
        TerraformFolder.Declaration declaration = resource.getValue();
        scan(
            folder,
            resource.getKey(),
            declaration.file(),
            declaration.node(),
            new HashSet<>(),
            findings);
      }
    }
  }

  private static void scan(
      TerraformFolder folder,
      String binding,
      TfFile file,
      Tree node,
      Set<UUID> seen,
      List<Finding> findings) {
    for (Hcl.Literal literal : StringLiterals.in(node)) {
      String role = (String) literal.getValue();
      if (STORAGE_ROLE.matcher(role).find()) {
        findings.add(
            file.finding(
                literal,
                binding
                    + " binds "
                    + role
                    + " on the whole "
                    + scope(binding)
                    + "; bind storage roles on a bucket (google_storage_bucket_iam_member)"));
      }
    }
    for (Reference reference : References.in(file, node)) {
      TerraformFolder.Declaration read = readBy(folder, reference);
      if (read != null && seen.add(read.node().getId())) {
        Tree value =
            read.node() instanceof Hcl.Attribute local
                ? local.getValue()
                : read.node() instanceof Hcl.Block block && Syntax.type(block).equals("variable")
                    ? Syntax.attribute(block, "default").map(a -> (Tree) a.getValue()).orElse(null)
                    : read.node();
        if (value != null) {
          scan(folder, binding, read.file(), value, seen, findings);
        }
      }
    }
  }

  /** The local, variable or data source a reference reads, or null for anything else. */
  private static TerraformFolder.Declaration readBy(TerraformFolder folder, Reference reference) {
    return switch (reference.root()) {
      case "local" -> folder.locals().get(reference.name(0));
      case "var" -> folder.variables().get(reference.name(0));
      case "data" -> folder.dataSources().get(reference.name(0) + "." + reference.name(1));
      default -> null;
    };
  }

  private static String scope(String binding) {
    return binding.substring("google_".length(), binding.indexOf("_iam_"));
  }
}
