package io.auglove.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a reference, and on which line, on small hand-written files. */
class ReferencesTest {

  /** Each reference as "line: root.name.name". */
  private static List<String> references(String source) {
    List<Finding> findings = new ArrayList<>();
    TfFile file =
        TfFile.parse(Path.of("test.tf"), source, findings)
            .orElseThrow(() -> new AssertionError("does not parse: " + findings));
    return References.in(file).stream().map(r -> file.line(r.node()) + ": " + r.text(2)).toList();
  }

  @Test
  void commentsAndTheTextOfStringsAreNotReferencesButInterpolationsAre() {
    String source =
        """
        # var.in_hash_comment
        // var.in_slash_comment
        /* var.in_block_comment */
        locals {
          text     = "var.in_string and $${var.escaped}"
          template = "${var.interpolated}-suffix"
          heredoc  = <<-EOT
            var.heredoc_text ${var.in_heredoc}
          EOT
        }
        """;

    assertEquals(List.of("6: var.interpolated", "8: var.in_heredoc"), references(source));
  }

  @Test
  void theVariablesOfForExpressionsAndDynamicBlocksAreBoundInsideThem() {
    String source =
        """
        locals {
          by_key = { for key, item in var.items : key => item.name if item.enabled }
          names  = [for name in local.by_key : upper(name)]
          leaked = key
        }
        resource "google_storage_bucket" "b" {
          dynamic "lifecycle_rule" {
            for_each = var.rules
            content {
              age = lifecycle_rule.value
            }
          }
          dynamic "cors" {
            for_each = var.origins
            iterator = origin
            content {
              origin = [origin.value]
            }
          }
        }
        """;

    assertEquals(
        List.of("2: var.items", "3: local.by_key", "4: key", "8: var.rules", "14: var.origins"),
        references(source));
  }

  @Test
  void typeConstraintsProvidersAndIgnoredAttributesAreNotReferences() {
    String source =
        """
        variable "gpu" {
          type = object({
            accelerator_type = string
            count            = optional(number, 1)
          })
          default = null
        }
        resource "google_dataflow_flex_template_job" "job" {
          provider = google-beta
          labels   = { team = "research", owner = var.owner }
          lifecycle {
            ignore_changes = [labels]
          }
        }
        """;

    assertEquals(List.of("10: var.owner"), references(source));
  }

  @Test
  void namesAreReadPastIndexesAndSplats() {
    String source =
        """
        output "o" {
          value = [
            google_storage_bucket.this["input"].url,
            module.auglove["eu"].bucket_urls,
            data.google_project.this.number,
            google_service_account.worker[*].email,
            var.gpu.count,
          ]
        }
        """;

    assertEquals(
        List.of(
            "3: google_storage_bucket.this.url",
            "4: module.auglove.bucket_urls",
            "5: data.google_project.this",
            "6: google_service_account.worker.email",
            "7: var.gpu.count"),
        references(source));
  }
}
