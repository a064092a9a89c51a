package io.auglove.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of name is looked up where Terraform declares it, on a small hand-written
 * configuration.
 */
class DeclaredReferencesTest {

  @TempDir Path root;

  private List<String> findings() {
    return TerraformCheck.run(root).findings().stream().map(Finding::toString).toList();
  }

  private void write(String file, String text) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  @Test
  void everyKindOfUndeclaredNameIsReportedWithItsFileAndLine() throws IOException {
    write(
        "modules/m/outputs.tf",
        """
        output "name" {
          description = "the name"
          value       = terraform.workspace
        }
        """);
    write(
        "root/main.tf",
        """
        locals {
          known = module.m.name
        }
        module "m" {
          source = "../modules/m"
        }
        module "registry" {
          source  = "terraform-google-modules/network/google"
          version = "~> 9.0"
        }
        resource "google_service_account" "sa" {
          account_id = local.known
        }
        output "all" {
          description = "everything"
          value = [
            local.unknown,
            module.m.missing,
            module.absent.name,
            module.registry.anything,
            data.google_project.absent.number,
            google_service_account.other.email,
            google_service_account.sa.email,
            bare_name,
          ]
        }
        """);

    assertEquals(
        List.of(
            "root/main.tf:17: local.unknown is not declared in any locals block",
            "root/main.tf:18: module.m.missing is not declared: ../modules/m has no output"
                + " \"missing\"",
            "root/main.tf:19: module.absent is not declared: no module \"absent\" block",
            "root/main.tf:21: data.google_project.absent is not declared: no data block of that"
                + " type and name",
            "root/main.tf:22: google_service_account.other is not declared: no resource"
                + " \"google_service_account\" \"other\" block",
            "root/main.tf:24: bare_name is not declared: not a variable, local, module, data"
                + " source, resource or iteration variable"),
        findings());
  }

  @Test
  void variablesAreLookedUpInTheirOwnFolderOnly() throws IOException {
    write(
        "a/variables.tf",
        """
        variable "region" {
          type        = string
          description = "a region"
        }
        """);
    write(
        "b/main.tf",
        """
        locals {
          region = var.region
        }
        """);

    assertEquals(
        List.of("b/main.tf:2: var.region is not declared: no variable \"region\" block"),
        findings());
  }
}
