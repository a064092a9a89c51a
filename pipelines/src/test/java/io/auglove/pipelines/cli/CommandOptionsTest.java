package io.auglove.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.vocabulary.VocabularyOptions;
import org.apache.beam.runners.direct.DirectOptions;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

  private static DirectOptions parse(String... arguments) {
    VocabularyOptions options = CommandOptions.parse(arguments, new VocabularyCommand());
    return options.as(DirectOptions.class);
  }

  @Test
  void theDefaultRunnerRunsWithoutTheDirectRunnersChecks() {
    DirectOptions options = parse("--input=in", "--output=out");
    assertFalse(options.isEnforceImmutability());
    assertFalse(options.isEnforceEncodability());
    DirectOptions named = parse("--input=in", "--output=out", "--runner=DirectRunner");
    assertFalse(named.isEnforceImmutability());
    assertFalse(named.isEnforceEncodability());
  }

  @Test
  void aCheckAskedForStaysOn() {
    DirectOptions options = parse("--input=in", "--output=out", "--enforceImmutability=true");
    assertTrue(options.isEnforceImmutability());
    assertFalse(options.isEnforceEncodability());
  }
}
