package io.auglove.terraform;

import java.util.List;
import java.util.Map;

/**
 * No {@code google_service_account_key}: its private key would be written to Terraform state.
 * Workers run as their service account without a key; people and CI impersonate it.
 */
final class NoServiceAccountKeys implements Rule {

  @Override
  public void check(TerraformFolder folder, Folders folders, List<Finding> findings) {
    for (Map.Entry<String, TerraformFolder.Declaration> resource : folder.resources().entrySet()) {
      if (resource.getKey().startsWith("google_service_account_key.")) {
        TerraformFolder.Declaration declaration = resource.getValue();
        findings.add(
            declaration
                .file()
                .finding(
                    declaration.node(),
                    resource.getKey()
                        + " creates a service account key, which Terraform state would hold;"
                        + " use the service account without a key"));
      }
    }
  }
}
