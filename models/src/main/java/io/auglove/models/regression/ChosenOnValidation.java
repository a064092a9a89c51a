package io.auglove.models.regression;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.auglove.models.metrics.Metric;
import java.util.List;

/**
 * Chooses among candidate models on the validation samples only: each candidate is fitted on the
 * training samples with the same seed, and the one whose predictions of the validation samples have
 * the lowest mean squared error wins (a tie goes to the earlier candidate); the others are closed.
 * Test samples never reach a fit. With no validation samples there is nothing to choose on, and the
 * first candidate is fitted alone. The predictor's {@link Predictor#choice()} names the winner,
 * then what the winner chose itself.
 *
 * <pre>{@code
 * Regressor labels = new ChosenOnValidation("LSTM + Cluster labels", List.of(
 *     new ChosenOnValidation.Candidate("embedding size 25", lstmWith25),
 *     new ChosenOnValidation.Candidate("embedding size 50", lstmWith50)));
 * }</pre>
 */
public final class ChosenOnValidation implements Regressor {

  /** One candidate: a model and how the choice is recorded, for example {@code embedding 50}. */
  public record Candidate(String label, Regressor regressor) {

    public Candidate {
      checkNotNull(label, "candidate: label is null");
      checkNotNull(regressor, "candidate %s: regressor is null", label);
    }
  }

  private final String name;
  private final ImmutableList<Candidate> candidates;

  /**
   * @param name the model's name in tables and logs
   * @param candidates at least one
   */
  public ChosenOnValidation(String name, List<Candidate> candidates) {
    this.name = checkNotNull(name, "chosen on validation: name is null");
    checkArgument(!candidates.isEmpty(), "%s: no candidates to choose from", name);
    this.candidates = ImmutableList.copyOf(candidates);
  }

  @Override
  public String name() {
    return name;
  }

  public List<Candidate> candidates() {
    return candidates;
  }

  @Override
  public Predictor fit(List<Sample> train, List<Sample> validation, long seed) {
    if (validation.isEmpty()) {
      return new Chosen(
          candidates.get(0), candidates.get(0).regressor().fit(train, validation, seed));
    }
    double[] targets = Sample.targets(validation);
    Chosen best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (Candidate candidate : candidates) {
      Predictor predictor = candidate.regressor().fit(train, validation, seed);
      double error;
      try {
        // The root of the mean squared error: the same order as the error itself.
        error = Metric.RMSE.of(predictor.predict(validation), targets);
      } catch (RuntimeException | Error e) {
        predictor.close();
        if (best != null) {
          best.close();
        }
        throw e;
      }
      if (best == null || error < bestError) {
        if (best != null) {
          best.close();
        }
        best = new Chosen(candidate, predictor);
        bestError = error;
      } else {
        predictor.close();
      }
    }
    return best;
  }

  /** The winner's predictor, which says which candidate won. */
  private record Chosen(Candidate candidate, Predictor predictor) implements Predictor {

    @Override
    public double[] predict(List<Sample> samples) {
      return predictor.predict(samples);
    }

    @Override
    public double[][] draws(List<Sample> samples) {
      return predictor.draws(samples);
    }

    @Override
    public String choice() {
      String own = predictor.choice();
      return own.isEmpty() ? candidate.label() : candidate.label() + ", " + own;
    }

    @Override
    public String device() {
      return predictor.device();
    }

    @Override
    public double[] trainLoss() {
      return predictor.trainLoss();
    }

    @Override
    public double[] validationLoss() {
      return predictor.validationLoss();
    }

    @Override
    public void close() {
      predictor.close();
    }
  }
}
