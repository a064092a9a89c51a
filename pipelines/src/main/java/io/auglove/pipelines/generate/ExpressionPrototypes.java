package io.auglove.pipelines.generate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.auglove.models.ActionUnits;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The latent states of a corpus: state {@value #NEUTRAL} is the neutral face, states {@code 1..E}
 * are expressions. Each expression is a sparse AU vector (1 to 4 active AUs with intensities 0.5 to
 * 4; never AU45, which only blinks drive) and belongs to one directed cycle of {@code cycleLength}
 * expressions, in which it has a successor (forwards) and a predecessor (backwards).
 *
 * <p>Fixed for the whole corpus by the seed: every participant shares the same vocabulary of
 * expressions, as every face shares the same muscles. Expressions start from common FACS
 * combinations (smiles, brow raises, frowns, surprise, disgust, sadness, speech-like mouth
 * opening); beyond those, random sparse combinations are used.
 */
public final class ExpressionPrototypes {

  /** The neutral state. */
  public static final int NEUTRAL = 0;

  /** AU combinations the expressions are drawn from first, as AU names. */
  private static final ImmutableList<ImmutableList<String>> COMBINATIONS =
      ImmutableList.of(
          ImmutableList.of("AU06", "AU12"),
          ImmutableList.of("AU12"),
          ImmutableList.of("AU06", "AU12", "AU25"),
          ImmutableList.of("AU01", "AU02"),
          ImmutableList.of("AU01", "AU02", "AU05", "AU26"),
          ImmutableList.of("AU04"),
          ImmutableList.of("AU04", "AU07"),
          ImmutableList.of("AU09", "AU10"),
          ImmutableList.of("AU01", "AU04", "AU15"),
          ImmutableList.of("AU15", "AU17"),
          ImmutableList.of("AU14"),
          ImmutableList.of("AU23"),
          ImmutableList.of("AU20", "AU25"),
          ImmutableList.of("AU25", "AU26"),
          ImmutableList.of("AU25"),
          ImmutableList.of("AU10", "AU25"),
          ImmutableList.of("AU17", "AU23"),
          ImmutableList.of("AU04", "AU05", "AU07", "AU23"),
          ImmutableList.of("AU06", "AU07", "AU12"),
          ImmutableList.of("AU01"),
          ImmutableList.of("AU02", "AU05"));

  private static final int BLINK = ActionUnits.NAMES.indexOf("AU45");

  private final double[][] intensities;
  private final boolean[] lipSuck;
  private final int[] successor;
  private final int[] predecessor;
  private final int[] cycle;
  private final int cycleLength;

  private ExpressionPrototypes(
      double[][] intensities,
      boolean[] lipSuck,
      int[] successor,
      int[] predecessor,
      int[] cycle,
      int cycleLength) {
    this.intensities = intensities;
    this.lipSuck = lipSuck;
    this.successor = successor;
    this.predecessor = predecessor;
    this.cycle = cycle;
    this.cycleLength = cycleLength;
  }

  /**
   * The prototypes of the corpus the spec describes (its world's seed, expression count, cycle
   * length).
   */
  public static ExpressionPrototypes forSpec(CorpusSpec spec) {
    return generate(
        Rng.derive(spec.worldSeed(), RngStream.PROTOTYPES, 0),
        spec.expressionCount(),
        spec.cycleLength());
  }

  static ExpressionPrototypes generate(Rng rng, int expressionCount, int cycleLength) {
    checkArgument(
        expressionCount % cycleLength == 0 && cycleLength >= 3,
        "cycleLength must be >= 3 and divide expressionCount = %s, got %s",
        expressionCount,
        cycleLength);
    int states = expressionCount + 1;
    double[][] intensities = new double[states][ActionUnits.COUNT];
    boolean[] lipSuck = new boolean[states];

    // Neutral: one or two AUs barely above zero.
    int faint = 1 + rng.nextInt(2);
    for (int i = 0; i < faint; i++) {
      intensities[NEUTRAL][rng.nextInt(BLINK)] = rng.uniform(0.05, 0.25);
    }

    List<BitSet> activeSets = drawActiveSets(rng, expressionCount);
    for (int e = 0; e < expressionCount; e++) {
      BitSet active = activeSets.get(e);
      for (int a = active.nextSetBit(0); a >= 0; a = active.nextSetBit(a + 1)) {
        intensities[e + 1][a] = rng.uniform(0.5, 4.0);
      }
      lipSuck[e + 1] =
          active.get(ActionUnits.NAMES.indexOf("AU17"))
              && active.get(ActionUnits.NAMES.indexOf("AU23"));
    }

    // Cycles over a random arrangement of the expressions.
    int[] arrangement = new int[expressionCount];
    for (int e = 0; e < expressionCount; e++) {
      arrangement[e] = e + 1;
    }
    rng.shuffle(arrangement);
    int[] successor = new int[states];
    int[] predecessor = new int[states];
    int[] cycle = new int[states];
    successor[NEUTRAL] = NEUTRAL;
    predecessor[NEUTRAL] = NEUTRAL;
    cycle[NEUTRAL] = -1;
    for (int i = 0; i < expressionCount; i++) {
      int c = i / cycleLength;
      int first = c * cycleLength;
      int position = i - first;
      int state = arrangement[i];
      successor[state] = arrangement[first + (position + 1) % cycleLength];
      predecessor[state] = arrangement[first + (position + cycleLength - 1) % cycleLength];
      cycle[state] = c;
    }
    return new ExpressionPrototypes(
        intensities, lipSuck, successor, predecessor, cycle, cycleLength);
  }

  private static List<BitSet> drawActiveSets(Rng rng, int count) {
    int[] order = new int[COMBINATIONS.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    rng.shuffle(order);
    List<BitSet> sets = new ArrayList<>();
    Set<BitSet> seen = new HashSet<>();
    for (int i = 0; i < order.length && sets.size() < count; i++) {
      BitSet set = new BitSet();
      for (String name : COMBINATIONS.get(order[i])) {
        set.set(ActionUnits.NAMES.indexOf(name));
      }
      seen.add(set);
      sets.add(set);
    }
    while (sets.size() < count) {
      BitSet set = new BitSet();
      int size = 1 + rng.nextInt(4);
      while (set.cardinality() < size) {
        set.set(rng.nextInt(BLINK));
      }
      if (seen.add(set)) {
        sets.add(set);
      }
    }
    return sets;
  }

  /** Number of states, the neutral face included. */
  public int stateCount() {
    return intensities.length;
  }

  /** Number of expressions (states other than neutral). */
  public int expressionCount() {
    return intensities.length - 1;
  }

  /** Number of expressions in each cycle. */
  public int cycleLength() {
    return cycleLength;
  }

  /** The AU intensities of a state, in {@link ActionUnits} order (a copy). */
  public double[] intensities(int state) {
    return intensities[state].clone();
  }

  /** The intensity of one AU in one state. */
  public double intensity(int state, int actionUnit) {
    return intensities[state][actionUnit];
  }

  /** Whether OpenFace would report AU28 (lip suck) in this state: AU17 with AU23. */
  public boolean lipSuck(int state) {
    return lipSuck[state];
  }

  /** The next expression of the state's cycle; the neutral state is its own successor. */
  public int successor(int state) {
    return successor[state];
  }

  /** The previous expression of the state's cycle; the neutral state is its own predecessor. */
  public int predecessor(int state) {
    return predecessor[state];
  }

  /** The cycle of an expression, from 0; -1 for the neutral state. */
  public int cycle(int state) {
    return cycle[state];
  }
}
