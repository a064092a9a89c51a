package io.auglove.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a public member is looked for, and where naming one is no grant. */
class NoPublicMembersTest {

  @TempDir Path root;

  private List<String> findings(String source) throws IOException {
    Files.writeString(root.resolve("main.tf"), source);
    return TerraformCheck.run(root).findings().stream().map(Finding::toString).toList();
  }

  @Test
  void aMemberInAHeredocPolicyIsFound() throws IOException {
    String source =
        """
        resource "google_storage_bucket_iam_policy" "p" {
          bucket      = "b"
          policy_data = <<-EOT
            {"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}
          EOT
        }
        """;

    assertEquals(
        List.of(
            "main.tf:4: IAM member \"allUsers\" makes a resource public; health data must name its"
                + " readers"),
        findings(source));
  }

  @Test
  void descriptionsCommentsAndValidationsThatForbidAPublicMemberPass() throws IOException {
    String source =
        """
        # never grant allUsers
        variable "readers" {
          type        = list(string)
          description = "Readers of the bundles; allUsers and allAuthenticatedUsers are refused."
          default     = []

          validation {
            condition     = !contains(var.readers, "allUsers") && !contains(var.readers, "allAuthenticatedUsers")
            error_message = "readers must not contain allUsers or allAuthenticatedUsers."
          }
        }
        """;

    assertEquals(List.of(), findings(source));
  }
}
