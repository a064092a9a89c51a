package io.auglove.terraform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrewrite.hcl.tree.Hcl;

/**
 * Every {@code google_storage_bucket} sets {@code public_access_prevention = "enforced"} and {@code
 * uniform_bucket_level_access = true}, written as constants, so that no ACL or IAM binding can make
 * it public.
 */
final class PrivateBuckets implements Rule {

  @Override
  public void check(TerraformFolder folder, Folders folders, List<Finding> findings) {
    for (Map.Entry<String, TerraformFolder.Declaration> resource : folder.resources().entrySet()) {
      if (!resource.getKey().startsWith("google_storage_bucket.")) {
        continue;
      }
      TfFile file = resource.getValue().file();
      Hcl.Block bucket = (Hcl.Block) resource.getValue().node();
      Optional<Hcl.Attribute> prevention = Syntax.attribute(bucket, "public_access_prevention");
      if (prevention
          .flatMap(a -> Syntax.constantString(a.getValue()))
          .filter("enforced"::equals)
          .isEmpty()) {
        findings.add(
            file.finding(
                prevention.isPresent() ? prevention.get() : bucket,
                resource.getKey()
                    + ": public_access_prevention is "
                    + prevention.map(a -> Syntax.text(a.getValue())).orElse("not set")
                    + "; it must be \"enforced\""));
      }
      Optional<Hcl.Attribute> uniform = Syntax.attribute(bucket, "uniform_bucket_level_access");
      if (uniform.flatMap(a -> Syntax.constantBool(a.getValue())).filter(v -> v).isEmpty()) {
        findings.add(
            file.finding(
                uniform.isPresent() ? uniform.get() : bucket,
                resource.getKey()
                    + ": uniform_bucket_level_access is "
                    + uniform.map(a -> Syntax.text(a.getValue())).orElse("not set")
                    + "; it must be true"));
      }
    }
  }
}
