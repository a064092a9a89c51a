package io.auglove.models.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitTest {

  @Test
  void parsesNamesInAnyCase() {
    assertEquals(Split.TRAIN, Split.parse("train"));
    assertEquals(Split.TRAIN, Split.parse("TRAIN"));
    assertEquals(Split.DEV, Split.parse("Dev"));
    assertEquals(Split.TEST, Split.parse(" test "));
  }

  @Test
  void validationAndValMeanDev() {
    assertEquals(Split.DEV, Split.parse("validation"));
    assertEquals(Split.DEV, Split.parse("Validation"));
    assertEquals(Split.DEV, Split.parse("VAL"));
  }

  @Test
  void unknownNamesAreRefusedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Split.parse("testing"));
    assertTrue(e.getMessage().contains("'testing'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Split.parse(""));
    assertThrows(IllegalArgumentException.class, () -> Split.parse(null));
  }

  @Test
  void labelRoundTrips() {
    for (Split split : Split.values()) {
      assertEquals(split, Split.parse(split.label()));
    }
    assertEquals("dev", Split.DEV.label());
  }
}
