package io.auglove.models.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldTest {

  @Test
  void overlappingPartsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Fold(0, new int[] {0, 2, 4}, new int[] {1}, new int[] {3, 4}));
    assertTrue(e.getMessage().contains("sample 4 is in train and test"), e.getMessage());
  }

  @Test
  void unsortedIndicesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Fold(0, new int[] {2, 0}, new int[] {}, new int[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Fold(0, new int[] {0, 0}, new int[] {}, new int[] {1}));
  }

  @Test
  void equalityIsByContent() {
    Fold a = new Fold(1, new int[] {0, 3}, new int[] {1}, new int[] {2});
    Fold b = new Fold(1, new int[] {0, 3}, new int[] {1}, new int[] {2});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new Fold(1, new int[] {0, 1}, new int[] {3}, new int[] {2}));
  }

  @Test
  void selectPicksItemsInIndexOrder() {
    assertEquals(List.of("b", "d"), Fold.select(List.of("a", "b", "c", "d"), new int[] {1, 3}));
  }
}
