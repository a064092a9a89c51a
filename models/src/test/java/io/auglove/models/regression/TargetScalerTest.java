package io.auglove.models.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TargetScalerTest {

  @Test
  void theTrainingRangeMapsOntoMinusOneToOneAndBack() {
    TargetScaler scaler = TargetScaler.fit(new double[] {3, 7, 5});
    assertEquals(-1, scaler.scale(3), 1e-12);
    assertEquals(1, scaler.scale(7), 1e-12);
    assertEquals(0, scaler.scale(5), 1e-12);
    // Outside the training range the map goes on linearly.
    assertEquals(1.5, scaler.scale(8), 1e-12);
    assertEquals(6.2, scaler.unscale(scaler.scale(6.2)), 1e-12);
    assertEquals(9, scaler.unscale(2), 1e-12);
  }

  @Test
  void equalTargetsMapToZeroAndEveryOutputBackToThem() {
    TargetScaler scaler = TargetScaler.fit(new double[] {4, 4});
    assertEquals(0, scaler.scale(4));
    assertEquals(0, scaler.scale(9));
    assertEquals(4, scaler.unscale(0.7));
  }

  @Test
  void noTargetsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TargetScaler.fit(new double[0]));
  }
}
