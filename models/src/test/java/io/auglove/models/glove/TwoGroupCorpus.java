package io.auglove.models.glove;

import java.util.Random;

/**
 * A small structured corpus for the training tests: token sequences that wander inside one of two
 * groups of tokens and now and then switch group, counted into a co-occurrence matrix with the
 * method's symmetric window. Tokens 0..g-1 form the first group, g..2g-1 the second.
 */
final class TwoGroupCorpus {

  private TwoGroupCorpus() {}

  /**
   * The co-occurrences of {@code sequences} sequences of {@code length} tokens: each token is drawn
   * uniformly from the current group, which switches with probability {@code switchProbability}
   * before each token; every pair of positions at most {@code window} apart adds 1 to X[a][b] and
   * to X[b][a].
   */
  static Cooccurrences cooccurrences(
      int tokensPerGroup,
      int sequences,
      int length,
      double switchProbability,
      int window,
      long seed) {
    int v = 2 * tokensPerGroup;
    double[][] counts = new double[v][v];
    Random random = new Random(seed);
    int[] sequence = new int[length];
    for (int s = 0; s < sequences; s++) {
      int group = random.nextInt(2);
      for (int t = 0; t < length; t++) {
        if (random.nextDouble() < switchProbability) {
          group = 1 - group;
        }
        sequence[t] = group * tokensPerGroup + random.nextInt(tokensPerGroup);
      }
      for (int i = 0; i < length; i++) {
        for (int j = i + 1; j < length && j - i <= window; j++) {
          counts[sequence[i]][sequence[j]]++;
          counts[sequence[j]][sequence[i]]++;
        }
      }
    }
    Cooccurrences.Builder builder = Cooccurrences.builder(v);
    for (int a = 0; a < v; a++) {
      for (int b = 0; b < v; b++) {
        if (counts[a][b] > 0) {
          builder.add(a, b, counts[a][b]);
        }
      }
    }
    return builder.build();
  }

  /** Whether tokens {@code a} and {@code b} are in the same group. */
  static boolean sameGroup(int a, int b, int tokensPerGroup) {
    return a / tokensPerGroup == b / tokensPerGroup;
  }
}
