package io.auglove.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Terraform passes the check, and copies of it broken in one place each fail with
 * a finding that names the file, the line and the problem.
 */
class TerraformCheckTest {

  private static final String MODULE_MAIN = "modules/auglove/main.tf";
  private static final String EXAMPLE_OUTPUTS = "examples/gpu_vocabulary/outputs.tf";

  @TempDir Path temp;

  @Test
  void theRepositoryTerraformPasses() {
    TerraformCheck.Result result = TerraformCheck.run(TerraformCopy.repositoryTerraform());

    assertEquals(
        List.of(Path.of("examples/gpu_vocabulary"), Path.of("modules/auglove")), result.folders());
    assertEquals(List.of(), result.findings());
  }

  @Test
  void theCopyOfTheRepositoryTerraformPasses() throws IOException {
    TerraformCopy copy = TerraformCopy.of(temp);

    assertEquals(List.of(), TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void anUndeclaredVariableFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .replace(
                MODULE_MAIN,
                "repository_id = var.repository_id",
                "repository_id = var.repository_name");

    assertEquals(
        List.of(
            copy.findingAt(
                MODULE_MAIN,
                "var.repository_name",
                "var.repository_name is not declared: no variable \"repository_name\" block")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void anUndeclaredModuleOutputFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .replace(
                EXAMPLE_OUTPUTS, "module.auglove.templates_url", "module.auglove.template_url");

    assertEquals(
        List.of(
            copy.findingAt(
                EXAMPLE_OUTPUTS,
                "module.auglove.template_url",
                "module.auglove.template_url is not declared: ../../modules/auglove has no output"
                    + " \"template_url\"")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void aBucketWhosePublicAccessPreventionIsInheritedFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .replace(
                MODULE_MAIN,
                "public_access_prevention    = \"enforced\"",
                "public_access_prevention    = \"inherited\"");

    assertEquals(
        List.of(
            copy.findingAt(
                MODULE_MAIN,
                "public_access_prevention",
                "google_storage_bucket.this: public_access_prevention is \"inherited\"; it must be"
                    + " \"enforced\"")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void aBucketWhoseUniformAccessIsComputedFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .replace(
                MODULE_MAIN,
                "uniform_bucket_level_access = true",
                "uniform_bucket_level_access = !var.force_destroy");

    assertEquals(
        List.of(
            copy.findingAt(
                MODULE_MAIN,
                "uniform_bucket_level_access",
                "google_storage_bucket.this: uniform_bucket_level_access is !var.force_destroy; it"
                    + " must be true")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void anAllUsersMemberFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .append(
                MODULE_MAIN,
                """
                resource "google_storage_bucket_iam_member" "public_bundles" {
                  bucket = google_storage_bucket.this["bundles"].name
                  role   = "roles/storage.objectViewer"
                  member = "allUsers"
                }
                """);

    assertEquals(
        List.of(
            copy.findingAt(
                MODULE_MAIN,
                "\"allUsers\"",
                "IAM member \"allUsers\" makes a resource public; health data must name its"
                    + " readers")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void anAllAuthenticatedUsersMemberHiddenInALocalFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .replace(
                MODULE_MAIN,
                "worker_member = \"serviceAccount:${google_service_account.worker.email}\"",
                "worker_member = \"allAuthenticatedUsers\"");

    assertEquals(
        List.of(
            copy.findingAt(
                MODULE_MAIN,
                "allAuthenticatedUsers",
                "IAM member \"allAuthenticatedUsers\" makes a resource public; health data must name"
                    + " its readers")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void aStorageRoleBoundOnTheProjectFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .replace(
                MODULE_MAIN,
                "role    = \"roles/dataflow.worker\"",
                "role    = \"roles/storage.objectAdmin\"");

    assertEquals(
        List.of(
            copy.findingAt(
                MODULE_MAIN,
                "role    = \"roles/storage.objectAdmin\"",
                "google_project_iam_member.worker_dataflow binds roles/storage.objectAdmin on the"
                    + " whole project; bind storage roles on a bucket"
                    + " (google_storage_bucket_iam_member)")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void aStorageRoleThatReachesTheProjectThroughALocalFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .append(
                MODULE_MAIN,
                """
                resource "google_project_iam_member" "worker_objects_everywhere" {
                  for_each = local.bucket_object_roles
                  project  = var.project_id
                  role     = each.value
                  member   = local.worker_member
                }
                """);

    String message =
        "google_project_iam_member.worker_objects_everywhere binds %s on the whole project; bind"
            + " storage roles on a bucket (google_storage_bucket_iam_member)";
    List<Finding> findings = TerraformCheck.run(copy.root()).findings();
    int viewer = copy.lineOf(MODULE_MAIN, "input   = \"roles/storage.objectViewer\"");
    assertEquals(
        List.of(
            new Finding(
                Path.of(MODULE_MAIN), viewer, message.formatted("roles/storage.objectViewer")),
            new Finding(
                Path.of(MODULE_MAIN), viewer + 1, message.formatted("roles/storage.objectAdmin")),
            new Finding(
                Path.of(MODULE_MAIN), viewer + 2, message.formatted("roles/storage.objectAdmin")),
            new Finding(
                Path.of(MODULE_MAIN), viewer + 3, message.formatted("roles/storage.objectAdmin"))),
        findings);
  }

  @Test
  void aServiceAccountKeyFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .append(
                MODULE_MAIN,
                """
                resource "google_service_account_key" "worker" {
                  service_account_id = google_service_account.worker.name
                }
                """);

    assertEquals(
        List.of(
            copy.findingAt(
                MODULE_MAIN,
                "resource \"google_service_account_key\" \"worker\"",
                "google_service_account_key.worker creates a service account key, which Terraform"
                    + " state would hold; use the service account without a key")),
        TerraformCheck.run(copy.root()).findings());
  }

  @Test
  void aFileThatDoesNotParseFails() throws IOException {
    TerraformCopy copy =
        TerraformCopy.of(temp)
            .append(MODULE_MAIN, "resource \"google_storage_bucket\" \"broken\" {\n  name = \n}\n");

    List<Finding> findings = TerraformCheck.run(copy.root()).findings();

    assertEquals(1, findings.size(), "one finding, the parse error: " + findings);
    Finding parse = findings.get(0);
    assertEquals(Path.of(MODULE_MAIN), parse.file());
    assertEquals(copy.lineOf(MODULE_MAIN, "\"broken\"") + 2, parse.line(), parse.toString());
    assertTrue(
        parse.message().startsWith("does not parse: column 1: mismatched input '}'"),
        parse.message());
  }
}
