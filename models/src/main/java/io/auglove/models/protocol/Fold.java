package io.auglove.models.protocol;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One round of cross-validation: which samples train the model, which choose its epochs or
 * hyper-parameters, and which it is scored on. Indices refer to the sample list the folds were made
 * for; each array is strictly ascending, and no index is in two of them. The arrays are not copied:
 * do not change them.
 *
 * @param index the fold's number, from 0
 * @param train the samples to learn from; not empty
 * @param validation the held-out part of the training samples; may be empty
 * @param test the samples to score on; not empty
 */
public record Fold(int index, int[] train, int[] validation, int[] test) {

  public Fold {
    checkArgument(index >= 0, "fold: index must be at least 0, got %s", index);
    checkNotNull(train, "fold %s: train is null", index);
    checkNotNull(validation, "fold %s: validation is null", index);
    checkNotNull(test, "fold %s: test is null", index);
    checkArgument(train.length > 0, "fold %s has no training samples", index);
    checkArgument(test.length > 0, "fold %s has no test samples", index);
    checkAscending(index, "train", train);
    checkAscending(index, "validation", validation);
    checkAscending(index, "test", test);
    checkDisjoint(index, "train", train, "validation", validation);
    checkDisjoint(index, "train", train, "test", test);
    checkDisjoint(index, "validation", validation, "test", test);
  }

  /** The items at {@code indices}, in that order: for example {@code select(samples, f.test())}. */
  public static <T> List<T> select(List<T> items, int[] indices) {
    List<T> selected = new ArrayList<>(indices.length);
    for (int i : indices) {
      selected.add(items.get(i));
    }
    return selected;
  }

  private static void checkAscending(int index, String part, int[] indices) {
    for (int i = 0; i < indices.length; i++) {
      checkArgument(
          indices[i] >= 0 && (i == 0 || indices[i] > indices[i - 1]),
          "fold %s: %s indices must be at least 0 and strictly ascending; %s at position %s",
          index,
          part,
          indices[i],
          i);
    }
  }

  private static void checkDisjoint(int index, String aName, int[] a, String bName, int[] b) {
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      checkArgument(a[i] != b[j], "fold %s: sample %s is in %s and %s", index, a[i], aName, bName);
      if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fold f
        && index == f.index
        && Arrays.equals(train, f.train)
        && Arrays.equals(validation, f.validation)
        && Arrays.equals(test, f.test);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * index + Arrays.hashCode(train)) + Arrays.hashCode(validation))
        + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "Fold["
        + index
        + ": "
        + train.length
        + " train, "
        + validation.length
        + " validation, "
        + test.length
        + " test]";
  }
}
