package io.auglove.pipelines.generate;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPointTest {

  @ParameterizedTest
  @CsvSource({
    "0, 2, 0.00",
    "1, 0, 1",
    "1, 1, 1.0",
    "5, 2, 5.00",
    "0.125, 2, 0.13",
    "0.994, 2, 0.99",
    "0.995, 3, 0.995",
    "1.999, 2, 2.00",
    "-0.964302, 6, -0.964302",
    "-0.0004, 3, 0.000",
    "-0.0006, 3, -0.001",
    "1215.04, 1, 1215.0",
    "-286.66, 1, -286.7",
    "0.000001, 6, 0.000001",
    "123456789.5, 0, 123456790",
  })
  void writesFixedPointDecimals(double value, int decimals, String expected) {
    byte[] buffer = new byte[FixedPoint.MAX_LENGTH + 4];
    buffer[0] = 'x';
    int end = FixedPoint.put(buffer, 1, value, decimals);
    assertEquals("x" + expected, new String(buffer, 0, end, US_ASCII));
  }

  @ParameterizedTest
  @CsvSource({"0, 3, 0.000", "40, 3, 0.040", "19467, 3, 19.467", "7000000, 3, 7000.000"})
  void writesScaledIntegers(long scaled, int decimals, String expected) {
    byte[] buffer = new byte[FixedPoint.MAX_LENGTH];
    int end = FixedPoint.putScaled(buffer, 0, scaled, decimals);
    assertEquals(expected, new String(buffer, 0, end, US_ASCII));
  }
}
