package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class FitSettingsTest {

  private static FitBenchOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(FitBenchOptions.class);
  }

  @Test
  void unsetSizesAreTheFullRunsOrQuicks() {
    assertEquals(FitSettings.FULL, FitSettings.of(options(), false, 0));
    assertEquals(FitSettings.QUICK, FitSettings.of(options(), true, 0));
    assertEquals(1_000_000, FitSettings.FULL.frames());
    assertEquals(List.of(50, 200, 1000), FitSettings.FULL.qualityKs());
    assertEquals(List.of(50, 200), FitSettings.QUICK.gloveDimensions());
  }

  @Test
  void aSizeGivenWinsOverQuick() {
    FitSettings settings =
        FitSettings.of(
            options("--fitFrames=30000", "--qualityKs=7", "--fitDimensions=25"), true, 3);
    assertEquals(30_000, settings.frames());
    assertEquals(List.of(7), settings.qualityKs());
    assertEquals(List.of(25), settings.gloveDimensions());
    assertEquals(FitSettings.QUICK.qualityFrames(), settings.qualityFrames());
    assertEquals(3, settings.seed());
  }

  @Test
  void impossibleSizesNameTheirOption() {
    String[][] cases = {
      {"--fitK=0", "--fitK"},
      {"--fitFrames=500", "--fitK"},
      {"--qualityFrames=2000000", "--qualityFrames"},
      {"--qualityKs=0", "--qualityKs"},
      {"--gloveTokens=1", "--gloveTokens"},
      {"--fitDimensions=0", "--fitDimensions"},
    };
    for (String[] bad : cases) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> FitSettings.of(options(bad[0]), false, 0));
      assertTrue(e.getMessage().startsWith(bad[1]), bad[0] + ": " + e.getMessage());
    }
  }
}
