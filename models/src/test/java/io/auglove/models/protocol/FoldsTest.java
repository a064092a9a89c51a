package io.auglove.models.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldsTest {

  /** Groups "p0", "p1", ... of random sizes 1..maxSize, their samples interleaved at random. */
  private static List<String> randomGroups(int groupCount, int maxSize, long seed) {
    Random random = new Random(seed);
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      int size = 1 + random.nextInt(maxSize);
      for (int s = 0; s < size; s++) {
        groups.add("p" + g);
      }
    }
    Collections.shuffle(groups, random);
    return groups;
  }

  /** Groups of the given sizes, in blocks: "a" × sizes[0], "b" × sizes[1], ... */
  private static List<String> blocks(int... sizes) {
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < sizes.length; g++) {
      groups.addAll(Collections.nCopies(sizes[g], String.valueOf((char) ('a' + g))));
    }
    return groups;
  }

  private static Set<String> groupsOf(List<String> groups, int[] indices) {
    Set<String> set = new HashSet<>();
    for (int i : indices) {
      set.add(groups.get(i));
    }
    return set;
  }

  /** Every sample tested exactly once; train, validation and test cover each fold's samples. */
  private static void assertPartition(List<Fold> folds, int sampleCount, int k) {
    assertEquals(k, folds.size());
    int[] tested = new int[sampleCount];
    for (int f = 0; f < k; f++) {
      Fold fold = folds.get(f);
      assertEquals(f, fold.index());
      assertTrue(fold.validation().length > 0, "fold " + f + " has no validation samples");
      for (int i : fold.test()) {
        tested[i]++;
      }
      assertEquals(
          sampleCount,
          fold.train().length + fold.validation().length + fold.test().length,
          "fold " + f + " does not cover every sample once");
    }
    for (int i = 0; i < sampleCount; i++) {
      assertEquals(1, tested[i], "sample " + i + " tested " + tested[i] + " times");
    }
  }

  @Test
  void noGroupIsOnTwoSidesOfAnyFold() {
    for (long seed = 0; seed < 12; seed++) {
      List<String> groups = randomGroups(10 + (int) seed * 3, 12, seed);
      for (int k : new int[] {3, 5, 10}) {
        List<Fold> folds = Folds.grouped(groups, k, 0.2, seed);
        assertPartition(folds, groups.size(), k);
        for (Fold fold : folds) {
          Set<String> train = groupsOf(groups, fold.train());
          Set<String> validation = groupsOf(groups, fold.validation());
          Set<String> test = groupsOf(groups, fold.test());
          String where = "seed " + seed + ", k " + k + ", " + fold;
          assertTrue(Collections.disjoint(train, test), where);
          assertTrue(Collections.disjoint(train, validation), where);
          assertTrue(Collections.disjoint(validation, test), where);
        }
      }
    }
  }

  @Test
  void foldSizesAreBalancedLargestGroupFirst() {
    // Sizes 5, 4, 3, 3, 2, 1 into 2 folds, each to the smaller fold:
    // 5 -> A (5), 4 -> B (4), 3 -> B (7), 3 -> A (8), 2 -> B (9), 1 -> A (9).
    List<String> groups = blocks(5, 4, 3, 3, 2, 1);
    for (long seed = 0; seed < 5; seed++) {
      List<Fold> folds = Folds.grouped(groups, 2, 0.3, seed);
      assertEquals(9, folds.get(0).test().length);
      assertEquals(9, folds.get(1).test().length);
      // The largest group is tested in fold 0 whatever the seed.
      assertTrue(groupsOf(groups, folds.get(0).test()).contains("a"));
    }
  }

  @Test
  void equalGroupsGiveFoldsWithinOneGroupOfEachOther() {
    // 23 groups of 4 into 5 folds: 5, 5, 5, 4, 4 groups, so 20 or 16 samples.
    int[] sizes = new int[23];
    Arrays.fill(sizes, 4);
    List<String> groups = blocks(sizes);
    List<Fold> folds = Folds.grouped(groups, 5, 0.2, 3);
    int[] testSizes = folds.stream().mapToInt(f -> f.test().length).sorted().toArray();
    assertArrayEquals(new int[] {16, 16, 20, 20, 20}, testSizes);
  }

  @Test
  void validationHoldsAboutTheFractionOfTrainingSamples() {
    // 100 groups of 2, k = 10: each training part has 90 groups = 180 samples; 0.2 of 180 = 36
    // samples, exactly 18 groups.
    int[] sizes = new int[100];
    Arrays.fill(sizes, 2);
    List<String> groups = randomGroupsOfSizes(sizes);
    for (Fold fold : Folds.grouped(groups, 10, 0.2, 8)) {
      assertEquals(36, fold.validation().length, fold.toString());
      assertEquals(144, fold.train().length, fold.toString());
    }
  }

  private static List<String> randomGroupsOfSizes(int[] sizes) {
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < sizes.length; g++) {
      groups.addAll(Collections.nCopies(sizes[g], "g" + g));
    }
    Collections.shuffle(groups, new Random(1));
    return groups;
  }

  @Test
  void validationTakesAtLeastOneGroupEvenWhenAllAreLarge() {
    // Training parts of 3 groups of 10; 0.05 of 30 = 1.5 samples is nearer to 0 than to 10, but
    // validation still gets one whole group.
    List<String> groups = blocks(10, 10, 10, 10);
    for (Fold fold : Folds.grouped(groups, 4, 0.05, 2)) {
      assertEquals(10, fold.validation().length);
      assertEquals(20, fold.train().length);
      assertEquals(1, groupsOf(groups, fold.validation()).size());
    }
  }

  @Test
  void sameSeedSameFolds() {
    List<String> groups = randomGroups(30, 8, 4);
    assertEquals(Folds.grouped(groups, 5, 0.2, 17), Folds.grouped(groups, 5, 0.2, 17));
    assertEquals(Folds.segmentLevel(100, 5, 0.2, 17), Folds.segmentLevel(100, 5, 0.2, 17));
  }

  @Test
  void differentSeedsGiveDifferentFolds() {
    // Sizes 1..3 over 30 groups repeat, so the seed decides which equal groups go together.
    List<String> groups = randomGroups(30, 3, 5);
    List<Fold> one = Folds.grouped(groups, 5, 0.2, 1);
    List<Fold> two = Folds.grouped(groups, 5, 0.2, 2);
    assertNotEquals(
        one.stream().map(f -> Arrays.toString(f.test())).toList(),
        two.stream().map(f -> Arrays.toString(f.test())).toList());
    List<Fold> segmentsOne = Folds.segmentLevel(50, 5, 0.2, 1);
    List<Fold> segmentsTwo = Folds.segmentLevel(50, 5, 0.2, 2);
    assertNotEquals(
        Arrays.toString(segmentsOne.get(0).test()), Arrays.toString(segmentsTwo.get(0).test()));
  }

  @Test
  void fewerGroupsThanFoldsIsRefused() {
    List<String> groups = blocks(4, 4, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Folds.grouped(groups, 5, 0.2, 0));
    assertTrue(e.getMessage().contains("3 distinct groups"), e.getMessage());
    assertTrue(e.getMessage().contains("k = 5"), e.getMessage());
  }

  @Test
  void aTrainingPartOfOneGroupIsRefused() {
    // Two groups, two folds: each training part is the other group alone.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Folds.grouped(blocks(3, 3), 2, 0.2, 0));
    assertTrue(e.getMessage().contains("single group"), e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    List<String> groups = blocks(2, 2, 2, 2);
    assertThrows(IllegalArgumentException.class, () -> Folds.grouped(groups, 1, 0.2, 0));
    assertThrows(IllegalArgumentException.class, () -> Folds.grouped(groups, 2, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Folds.grouped(groups, 2, 1, 0));
    List<String> missing = new ArrayList<>(groups);
    missing.set(3, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Folds.grouped(missing, 2, 0.2, 0));
    assertTrue(e.getMessage().contains("sample 3 has no group"), e.getMessage());
    IllegalArgumentException few =
        assertThrows(IllegalArgumentException.class, () -> Folds.segmentLevel(4, 5, 0.2, 0));
    assertTrue(few.getMessage().contains("4 samples but k = 5"), few.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Folds.segmentLevel(2, 2, 0.2, 0));
  }

  @Test
  void segmentLevelCoversEverySampleInEvenFolds() {
    for (long seed = 0; seed < 5; seed++) {
      int n = 97;
      List<Fold> folds = Folds.segmentLevel(n, 10, 0.25, seed);
      assertPartition(folds, n, 10);
      // 97 samples dealt round 10 folds: 7 folds of 10 and 3 of 9.
      int[] testSizes = folds.stream().mapToInt(f -> f.test().length).sorted().toArray();
      assertArrayEquals(new int[] {9, 9, 9, 10, 10, 10, 10, 10, 10, 10}, testSizes);
      for (Fold fold : folds) {
        // Validation: the whole number nearest 0.25 of the training samples (87 or 88 -> 22).
        assertEquals(22, fold.validation().length, fold.toString());
      }
    }
  }

  @Test
  void segmentLevelFoldsMixGroupsThatGroupedFoldsKeepApart() {
    List<String> groups = randomGroups(20, 10, 6);
    boolean leaked = false;
    for (Fold fold : Folds.segmentLevel(groups.size(), 5, 0.2, 6)) {
      Set<String> train = groupsOf(groups, fold.train());
      leaked |= !Collections.disjoint(train, groupsOf(groups, fold.test()));
    }
    assertTrue(leaked);
  }
}
