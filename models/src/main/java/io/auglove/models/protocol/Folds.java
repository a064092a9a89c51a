package io.auglove.models.protocol;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * k-fold cross-validation with a validation split inside each fold's training part.
 *
 * <p>{@link #grouped} keeps each group (participant) whole: all of a participant's recordings are
 * on one side of every fold, so a model is never scored on a person it was trained on. The paper's
 * schizophrenia data has about 21 segments per patient; folds over segments let a model recognise
 * the patient instead of the symptom. {@link #segmentLevel} makes those leaking folds anyway, for
 * comparison with the paper's setup, and only when asked for by name.
 *
 * <p>Both work on units (a group's samples, or one sample): the units are shuffled with the seed,
 * then taken largest first (ties in the shuffled order) and each given to the fold with the fewest
 * samples so far (ties to the lowest fold number), which keeps fold sizes within about one unit of
 * each other. For single samples that is dealing the shuffled samples round the folds. The seed
 * therefore changes which of equally large groups go together; when every group has a different
 * size the test folds stay the same and only the validation splits change.
 *
 * <p>Each fold's validation units are drawn from its training units in an order shuffled with the
 * seed and the fold number: a unit joins when it brings the validation size nearer to
 * validationFraction of the training samples, at least one unit joins, and at least one stays to
 * train.
 */
public final class Folds {

  private Folds() {}

  /**
   * Folds that keep every group whole.
   *
   * @param groups the group (participant) of each sample, in sample order
   * @param k the number of folds; at least 2 and at most the number of distinct groups
   * @param validationFraction about how much of each training part to hold out for validation;
   *     greater than 0 and less than 1
   * @throws IllegalArgumentException if there are fewer distinct groups than k, or a fold's
   *     training part holds a single group and so cannot give a grouped validation split
   */
  public static List<Fold> grouped(
      List<String> groups, int k, double validationFraction, long seed) {
    checkNotNull(groups, "k-fold: groups are null");
    checkSettings(k, validationFraction);
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      String group = groups.get(i);
      checkArgument(group != null, "k-fold: sample %s has no group", i);
      members.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
    }
    checkArgument(
        members.size() >= k,
        "k-fold: %s distinct groups (participants) but k = %s; grouped folds need at least k"
            + " groups",
        members.size(),
        k);
    List<int[]> units = new ArrayList<>(members.size());
    for (List<Integer> indices : members.values()) {
      units.add(indices.stream().mapToInt(Integer::intValue).toArray());
    }
    return split(units, k, validationFraction, seed, "group (participant)");
  }

  /**
   * Folds that ignore groups: a participant's samples may be on both sides of a fold.
   *
   * @param sampleCount the number of samples; at least k
   * @param k the number of folds; at least 2
   * @param validationFraction as for {@link #grouped}
   * @throws IllegalArgumentException if there are fewer samples than k, or a fold's training part
   *     holds a single sample
   */
  public static List<Fold> segmentLevel(
      int sampleCount, int k, double validationFraction, long seed) {
    checkSettings(k, validationFraction);
    checkArgument(
        sampleCount >= k, "k-fold: %s samples but k = %s; need at least k", sampleCount, k);
    List<int[]> units = new ArrayList<>(sampleCount);
    for (int i = 0; i < sampleCount; i++) {
      units.add(new int[] {i});
    }
    return split(units, k, validationFraction, seed, "sample");
  }

  private static void checkSettings(int k, double validationFraction) {
    checkArgument(k >= 2, "k-fold: k must be at least 2, got %s", k);
    checkArgument(
        validationFraction > 0 && validationFraction < 1,
        "k-fold: validationFraction must be greater than 0 and less than 1, got %s",
        validationFraction);
  }

  private static List<Fold> split(
      List<int[]> units, int k, double validationFraction, long seed, String unitName) {
    List<int[]> shuffled = new ArrayList<>(units);
    Collections.shuffle(shuffled, new Random(Seeds.stream(seed, 0)));
    List<int[]> largestFirst = new ArrayList<>(shuffled);
    // List.sort is stable: equal sizes keep their shuffled order.
    largestFirst.sort(Comparator.comparingInt((int[] unit) -> unit.length).reversed());
    int[] foldSizes = new int[k];
    Map<int[], Integer> foldOf = new IdentityHashMap<>();
    for (int[] unit : largestFirst) {
      int smallest = 0;
      for (int f = 1; f < k; f++) {
        if (foldSizes[f] < foldSizes[smallest]) {
          smallest = f;
        }
      }
      foldSizes[smallest] += unit.length;
      foldOf.put(unit, smallest);
    }
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      List<int[]> test = new ArrayList<>();
      List<int[]> training = new ArrayList<>();
      for (int[] unit : shuffled) {
        (foldOf.get(unit) == f ? test : training).add(unit);
      }
      checkArgument(
          training.size() >= 2,
          "k-fold: fold %s's training part holds a single %s, which cannot be split into"
              + " training and validation; use fewer folds or more data",
          f,
          unitName);
      List<int[]> validation =
          chooseValidation(training, validationFraction, new Random(Seeds.stream(seed, f + 1)));
      Set<int[]> held = Collections.newSetFromMap(new IdentityHashMap<>());
      held.addAll(validation);
      List<int[]> train = new ArrayList<>(training);
      train.removeIf(held::contains);
      folds.add(new Fold(f, sortedIndices(train), sortedIndices(validation), sortedIndices(test)));
    }
    return List.copyOf(folds);
  }

  /**
   * Units for validation, nearest to {@code fraction} of the training samples: see the class
   * comment. Leaves at least one unit out.
   */
  private static List<int[]> chooseValidation(
      List<int[]> training, double fraction, Random random) {
    List<int[]> order = new ArrayList<>(training);
    Collections.shuffle(order, random);
    int total = 0;
    for (int[] unit : order) {
      total += unit.length;
    }
    double target = fraction * total;
    List<int[]> chosen = new ArrayList<>();
    int size = 0;
    for (int[] unit : order) {
      if (chosen.size() == order.size() - 1) {
        break;
      }
      if (Math.abs(size + unit.length - target) < Math.abs(size - target)) {
        chosen.add(unit);
        size += unit.length;
      }
    }
    if (chosen.isEmpty()) {
      int[] nearest = order.get(0);
      for (int[] unit : order) {
        if (Math.abs(unit.length - target) < Math.abs(nearest.length - target)) {
          nearest = unit;
        }
      }
      chosen.add(nearest);
    }
    return chosen;
  }

  private static int[] sortedIndices(List<int[]> units) {
    int[] indices = units.stream().flatMapToInt(Arrays::stream).toArray();
    Arrays.sort(indices);
    return indices;
  }
}
