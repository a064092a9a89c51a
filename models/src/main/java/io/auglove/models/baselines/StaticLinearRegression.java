package io.auglove.models.baselines;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.models.features.StaticFeatures;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Regressor;
import io.auglove.models.regression.Sample;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The paper's "Static features + LR" baseline: ordinary least squares, with an intercept, of the
 * target on the {@value StaticFeatures#COUNT} {@link StaticFeatures} of each sample.
 *
 * <p>The paper's baseline is plain linear regression, so there is no regularisation. With few
 * samples and 51 features the least-squares problem often has many solutions (more features than
 * samples, or features that are linear combinations of others, such as an AU that never moves).
 * Among them this takes the one whose slope vector has the smallest Euclidean norm: the slopes
 * solve the centred problem (features and target minus their training means) through the
 * Moore–Penrose pseudo-inverse, computed by Commons Math's {@link SingularValueDecomposition}
 * (singular values under its tolerance, m · σ_max · 2⁻⁵², count as zero), and the intercept is ȳ −
 * x̄ · w. Centring leaves the intercept out of the norm, so shifting a feature by a constant
 * changes only the intercept and never the predictions. When the design has full column rank this
 * is the usual OLS solution; when it has fewer samples than features it fits the training targets
 * exactly.
 *
 * <p>Validation samples are not used (nothing is chosen) and neither is the seed: the fit is a
 * deterministic function of the training samples.
 */
public final class StaticLinearRegression implements Regressor {

  /** The baseline's name in the paper's tables. */
  public static final String NAME = "Static features + LR";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(List<Sample> train, List<Sample> validation, long seed) {
    checkArgument(!train.isEmpty(), "%s: no training samples", NAME);
    double[][] x = new double[train.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = StaticFeatures.of(train.get(i));
    }
    return fitFeatures(x, Sample.targets(train));
  }

  /** The minimum-norm least-squares fit of {@code y} on the rows of {@code x} plus an intercept. */
  static Fitted fitFeatures(double[][] x, double[] y) {
    int n = x.length;
    int p = x[0].length;
    double[] xMean = new double[p];
    double yMean = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        xMean[j] += x[i][j];
      }
      yMean += y[i];
    }
    for (int j = 0; j < p; j++) {
      xMean[j] /= n;
    }
    yMean /= n;
    RealMatrix centred = new Array2DRowRealMatrix(n, p);
    double[] yCentred = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        centred.setEntry(i, j, x[i][j] - xMean[j]);
      }
      yCentred[i] = y[i] - yMean;
    }
    double[] w =
        new SingularValueDecomposition(centred)
            .getSolver()
            .solve(new ArrayRealVector(yCentred, false))
            .toArray();
    double intercept = yMean;
    for (int j = 0; j < p; j++) {
      intercept -= xMean[j] * w[j];
    }
    return new Fitted(intercept, w);
  }

  /** A fitted linear model: intercept plus coefficients · static features. */
  public static final class Fitted implements Predictor {

    private final double intercept;
    private final double[] coefficients;

    private Fitted(double intercept, double[] coefficients) {
      this.intercept = intercept;
      this.coefficients = coefficients;
    }

    /** The intercept, in the targets' units. */
    public double intercept() {
      return intercept;
    }

    /** One coefficient per static feature, in {@link StaticFeatures#names()} order. */
    public double[] coefficients() {
      return coefficients.clone();
    }

    @Override
    public double[] predict(List<Sample> samples) {
      double[] predictions = new double[samples.size()];
      for (int i = 0; i < predictions.length; i++) {
        predictions[i] = predict(StaticFeatures.of(samples.get(i)));
      }
      return predictions;
    }

    /** The prediction for one feature vector. */
    double predict(double[] features) {
      double prediction = intercept;
      for (int j = 0; j < coefficients.length; j++) {
        prediction += coefficients[j] * features[j];
      }
      return prediction;
    }
  }
}
