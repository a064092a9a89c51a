package io.auglove.terraform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One rule of the Terraform check, applied to one folder. */
interface Rule {

  /**
   * Loads the folder a local module source points to, for its outputs; empty when there is none.
   */
  interface Folders {
    Optional<TerraformFolder> at(Path dir);
  }

  /** Adds a finding for every place in {@code folder} that breaks the rule. */
  void check(TerraformFolder folder, Folders folders, List<Finding> findings);
}
