package io.auglove.models.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CooccurrencesTest {

  @Test
  void keepsEntriesSortedByRowThenColumn() {
    Cooccurrences x =
        Cooccurrences.builder(3)
            .add(2, 0, 1.0)
            .add(0, 2, 3.0)
            .add(0, 1, 2.0)
            .add(1, 1, 4.0)
            .build();

    assertEquals(3, x.vocabularySize());
    assertEquals(4, x.size());
    assertArrayEquals(new int[] {0, 0, 1, 2}, rows(x));
    assertArrayEquals(new int[] {1, 2, 1, 0}, columns(x));
    assertArrayEquals(new double[] {2.0, 3.0, 4.0, 1.0}, values(x));
  }

  @Test
  void sameEntriesInAnotherOrderGiveAnEqualMatrix() {
    Cooccurrences forward =
        Cooccurrences.of(
            4, new int[] {0, 1, 3, 3}, new int[] {3, 2, 0, 1}, new double[] {5, 6, 7, 8});
    Cooccurrences backward =
        Cooccurrences.builder(4).add(3, 1, 8).add(3, 0, 7).add(1, 2, 6).add(0, 3, 5).build();

    assertEquals(forward, backward);
    assertEquals(forward.hashCode(), backward.hashCode());
  }

  @Test
  void aMatrixMayHaveNoEntries() {
    Cooccurrences x = Cooccurrences.builder(5).build();

    assertEquals(5, x.vocabularySize());
    assertEquals(0, x.size());
  }

  @Test
  void rejectsAValueOfZero() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cooccurrences.builder(3).add(1, 2, 0.0));
    assertEquals(
        "cooccurrences: value at (1, 2) must be finite and greater than 0, got 0.0",
        e.getMessage());
  }

  @Test
  void rejectsANegativeValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Cooccurrences.builder(3).add(0, 0, -2.5));
    assertEquals(
        "cooccurrences: value at (0, 0) must be finite and greater than 0, got -2.5",
        e.getMessage());
  }

  @Test
  void rejectsAValueThatIsNotFinite() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Cooccurrences.builder(3).add(0, 1, Double.POSITIVE_INFINITY));
    assertEquals(
        "cooccurrences: value at (0, 1) must be finite and greater than 0, got Infinity",
        e.getMessage());
  }

  @Test
  void rejectsARowIdOutOfRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cooccurrences.builder(3).add(3, 0, 1));
    assertEquals("cooccurrences: row id 3 is outside 0..2", e.getMessage());
  }

  @Test
  void rejectsANegativeColumnId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cooccurrences.builder(3).add(0, -1, 1));
    assertEquals("cooccurrences: column id -1 is outside 0..2", e.getMessage());
  }

  @Test
  void rejectsAPairAddedTwice() {
    Cooccurrences.Builder builder = Cooccurrences.builder(3).add(2, 1, 1).add(0, 0, 1).add(2, 1, 4);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals("cooccurrences: entry (2, 1) was added more than once", e.getMessage());
  }

  @Test
  void rejectsAnEmptyVocabulary() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cooccurrences.builder(0));
    assertEquals("cooccurrences: vocabularySize must be at least 1, got 0", e.getMessage());
  }

  @Test
  void rejectsArraysOfDifferentLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Cooccurrences.of(3, new int[] {0, 1}, new int[] {1}, new double[] {1, 2}));
    assertEquals(
        "cooccurrences: rows, columns and values must have one length, got 2, 1 and 2",
        e.getMessage());
  }

  private static int[] rows(Cooccurrences x) {
    int[] rows = new int[x.size()];
    for (int n = 0; n < rows.length; n++) {
      rows[n] = x.row(n);
    }
    return rows;
  }

  private static int[] columns(Cooccurrences x) {
    int[] columns = new int[x.size()];
    for (int n = 0; n < columns.length; n++) {
      columns[n] = x.column(n);
    }
    return columns;
  }

  private static double[] values(Cooccurrences x) {
    double[] values = new double[x.size()];
    for (int n = 0; n < values.length; n++) {
      values[n] = x.value(n);
    }
    return values;
  }
}
