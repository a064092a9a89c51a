package io.auglove.terraform;

import java.util.List;
import org.openrewrite.hcl.tree.Hcl;

/**
 * A name that an expression reads: {@code var.region}, {@code local.services}, {@code
 * google_storage_bucket.this}, {@code data.google_project.this}, {@code
 * module.auglove.bucket_urls}.
 *
 * @param file the file it is written in
 * @param node the expression's root identifier
 * @param root the first name: var, local, module, data, or a resource type
 * @param names the attribute names that follow the root, at most two (index brackets skipped)
 */
record Reference(TfFile file, Hcl.VariableExpression node, String root, List<String> names) {

  /** The name at {@code index} after the root, or null when the expression stops earlier. */
  String name(int index) {
    return index < names.size() ? names.get(index) : null;
  }

  /** How the reference reads, for messages: root and the names taken into account. */
  String text(int count) {
    StringBuilder text = new StringBuilder(root);
    for (int i = 0; i < Math.min(count, names.size()); i++) {
      text.append('.').append(names.get(i));
    }
    return text.toString();
  }

  /** A finding at this reference. */
  Finding finding(String message) {
    return file.finding(node, message);
  }
}
