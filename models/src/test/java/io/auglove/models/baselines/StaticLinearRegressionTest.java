package io.auglove.models.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auglove.models.features.StaticFeatures;
import io.auglove.models.regression.Sample;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class StaticLinearRegressionTest {

  private static final int AU01_MEAN = StaticFeatures.names().indexOf("AU01_mean");
  private static final int AU05_STD = StaticFeatures.names().indexOf("AU05_std");

  /** 1.5 + 2 AU01_mean − 3 AU05_std. */
  private static double plantedTarget(Sample s) {
    double[] f = StaticFeatures.of(s);
    return 1.5 + 2 * f[AU01_MEAN] - 3 * f[AU05_STD];
  }

  @Test
  void recoversAPlantedLinearCombination() {
    List<Sample> train = SyntheticSamples.uniform(80, 1, StaticLinearRegressionTest::plantedTarget);
    List<Sample> test = SyntheticSamples.uniform(10, 2, StaticLinearRegressionTest::plantedTarget);

    StaticLinearRegression.Fitted fitted = new StaticLinearRegression().fit(train, List.of(), 0);

    assertArrayEquals(Sample.targets(test), fitted.predict(test), 1e-6);
    assertEquals(1.5, fitted.intercept(), 1e-6);
    double[] expected = new double[StaticFeatures.COUNT];
    expected[AU01_MEAN] = 2;
    expected[AU05_STD] = -3;
    assertArrayEquals(expected, fitted.coefficients(), 1e-6);
  }

  @Test
  void agreesWithCommonsMathOlsOnAWellPosedProblem() {
    Random noise = new Random(3);
    List<Sample> train =
        SyntheticSamples.uniform(
            120, 4, s -> plantedTarget(s) + StaticFeatures.of(s)[7] + noise.nextGaussian());
    double[][] x = train.stream().map(StaticFeatures::of).toArray(double[][]::new);
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(Sample.targets(train), x);
    double[] beta = ols.estimateRegressionParameters();

    StaticLinearRegression.Fitted fitted = new StaticLinearRegression().fit(train, List.of(), 0);

    assertEquals(beta[0], fitted.intercept(), 1e-6 * Math.max(1, Math.abs(beta[0])));
    double[] coefficients = fitted.coefficients();
    for (int j = 0; j < coefficients.length; j++) {
      assertEquals(beta[j + 1], coefficients[j], 1e-6 * Math.max(1, Math.abs(beta[j + 1])));
    }
    // With noise the fit is not exact, and OLS's residuals are what ours are.
    double[] residuals = ols.estimateResiduals();
    double[] predictions = fitted.predict(train);
    for (int i = 0; i < residuals.length; i++) {
      assertEquals(train.get(i).target() - residuals[i], predictions[i], 1e-6);
    }
  }

  @Test
  void fitsTheTrainingTargetsWhenFeaturesOutnumberSamples() {
    Random random = new Random(5);
    // 20 samples, 51 features: the least-squares problem has infinitely many exact solutions.
    List<Sample> train = SyntheticSamples.uniform(20, 6, s -> 10 * random.nextDouble());

    StaticLinearRegression.Fitted fitted = new StaticLinearRegression().fit(train, List.of(), 0);

    assertArrayEquals(Sample.targets(train), fitted.predict(train), 1e-6);
  }

  @Test
  void minimumNormSolutionLeavesTheInterceptOutOfTheNorm() {
    // Two samples, one feature: x = 1, 3 and y = 2, 6. The slope is 2 and the intercept 0; a
    // minimum norm over (intercept, slope) together would have returned another line.
    StaticLinearRegression.Fitted fitted =
        StaticLinearRegression.fitFeatures(new double[][] {{1, 5}, {3, 5}}, new double[] {2, 6});

    assertEquals(0, fitted.intercept(), 1e-12);
    // The constant second feature gets no weight.
    assertArrayEquals(new double[] {2, 0}, fitted.coefficients(), 1e-12);
  }

  @Test
  void oneTrainingSamplePredictsItsTarget() {
    List<Sample> train = SyntheticSamples.uniform(1, 7, s -> 4.25);
    List<Sample> test = SyntheticSamples.uniform(3, 8, s -> 0);

    StaticLinearRegression.Fitted fitted = new StaticLinearRegression().fit(train, List.of(), 0);

    assertArrayEquals(new double[] {4.25, 4.25, 4.25}, fitted.predict(test), 1e-12);
  }

  @Test
  void ignoresValidationSamplesAndSeed() {
    List<Sample> train = SyntheticSamples.uniform(30, 9, s -> StaticFeatures.of(s)[0]);
    List<Sample> validation = SyntheticSamples.uniform(10, 10, s -> -5);
    StaticLinearRegression regression = new StaticLinearRegression();

    StaticLinearRegression.Fitted a = regression.fit(train, List.of(), 1);
    StaticLinearRegression.Fitted b = regression.fit(train, validation, 2);

    assertEquals(a.intercept(), b.intercept());
    assertArrayEquals(a.coefficients(), b.coefficients());
    assertEquals("Static features + LR", regression.name());
  }
}
