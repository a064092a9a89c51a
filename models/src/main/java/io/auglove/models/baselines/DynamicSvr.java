package io.auglove.models.baselines;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Doubles;
import io.auglove.models.features.DynamicFeatures;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Regressor;
import io.auglove.models.regression.Sample;
import io.auglove.models.regression.TargetScaler;
import java.util.List;
import java.util.Objects;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper's "Continuous dynamic model" baseline: epsilon-SVR (LIBSVM) on the {@value
 * DynamicFeatures#COUNT} {@link DynamicFeatures} of each sample, with C and the kernel chosen on
 * the validation samples.
 *
 * <p>Everything is learned from the training fold alone: the quantiser's levels, the features'
 * means and standard deviations (z-scores; features constant on the fold become 0) and the target
 * scaling onto [-1, 1] ({@link TargetScaler}). The SVR's ε, the width of the loss's insensitive
 * tube, is on that scale (0.1 by default, LIBSVM's and scikit-learn's default). Predictions come
 * back in the targets' units.
 *
 * <p>One SVR is trained on the training samples for each grid point, kernels in {@link
 * Settings#kernels()} order and, for each kernel, C in {@link Settings#cs()} order; the point with
 * the lowest mean squared error on the validation samples wins, a tie going to the earlier point.
 * The winner is the model trained on the training samples: the validation samples choose, they are
 * never trained on. With no validation samples there is nothing to choose on, and the settings'
 * default point (C = 1, RBF) is trained.
 *
 * <p>LIBSVM's training is deterministic without probability estimates or its cross-validation,
 * which this does not use, so the seed is not needed: the same samples give the same predictor.
 */
public final class DynamicSvr implements Regressor {

  /** The baseline's name in the paper's tables. */
  public static final String NAME = "Continuous dynamic model + SVR";

  private static final Logger LOG = LoggerFactory.getLogger(DynamicSvr.class);

  static {
    // LIBSVM prints its optimiser's progress to stdout unless told otherwise.
    svm.svm_set_print_string_function(text -> {});
  }

  /**
   * An SVR kernel. γ is 1 / number of features, scikit-learn's {@code gamma='auto'}; on z-scored
   * features it is close to scikit-learn's {@code 'scale'} as well. The polynomial kernel has
   * scikit-learn's and LIBSVM's defaults, degree 3 and coef0 0.
   */
  public enum Kernel {
    /** u · v. */
    LINEAR(svm_parameter.LINEAR),
    /** exp(−γ |u − v|²). */
    RBF(svm_parameter.RBF),
    /** (γ u · v)³. */
    POLY(svm_parameter.POLY);

    private final int libsvmType;

    Kernel(int libsvmType) {
      this.libsvmType = libsvmType;
    }
  }

  /**
   * What the baseline tries and with what.
   *
   * @param levels quantisation levels per AU for {@link DynamicFeatures.Quantiser#fit}
   * @param cs the values of C to try, each positive
   * @param kernels the kernels to try
   * @param epsilon the SVR's ε on the [-1, 1] target scale
   * @param defaultC C when there are no validation samples
   * @param defaultKernel the kernel when there are no validation samples
   */
  public record Settings(
      int levels,
      List<Double> cs,
      List<Kernel> kernels,
      double epsilon,
      double defaultC,
      Kernel defaultKernel) {

    public Settings {
      checkArgument(levels >= 2, "%s: levels must be at least 2, got %s", NAME, levels);
      checkArgument(!cs.isEmpty(), "%s: no values of C to try", NAME);
      for (double c : cs) {
        checkArgument(c > 0 && Double.isFinite(c), "%s: C must be positive, got %s", NAME, c);
      }
      checkArgument(!kernels.isEmpty(), "%s: no kernels to try", NAME);
      checkArgument(
          epsilon >= 0 && Double.isFinite(epsilon),
          "%s: epsilon must be non-negative, got %s",
          NAME,
          epsilon);
      checkArgument(
          defaultC > 0 && Double.isFinite(defaultC),
          "%s: the default C must be positive, got %s",
          NAME,
          defaultC);
      cs = ImmutableList.copyOf(cs);
      kernels = ImmutableList.copyOf(kernels);
      defaultKernel = Objects.requireNonNull(defaultKernel, "defaultKernel");
    }

    /**
     * The paper tunes C and the kernel without giving the grid; this one spans C over four decades,
     * 0.01, 0.1, 1, 10, 100, and tries the linear, RBF and cubic polynomial kernels, 15 points in
     * all; 4 levels, ε = 0.1, and C = 1 with RBF (LIBSVM's defaults) when there is no validation
     * set.
     */
    public static Settings paper() {
      return new Settings(
          DynamicFeatures.DEFAULT_LEVELS,
          List.of(0.01, 0.1, 1.0, 10.0, 100.0),
          List.of(Kernel.LINEAR, Kernel.RBF, Kernel.POLY),
          0.1,
          1,
          Kernel.RBF);
    }

    /** These settings with other values of C to try. */
    public Settings withCs(double... newCs) {
      return new Settings(levels, Doubles.asList(newCs), kernels, epsilon, defaultC, defaultKernel);
    }

    /** These settings with other kernels to try. */
    public Settings withKernels(Kernel... newKernels) {
      return new Settings(levels, cs, List.of(newKernels), epsilon, defaultC, defaultKernel);
    }
  }

  private final Settings settings;

  /** The baseline with {@link Settings#paper()}. */
  public DynamicSvr() {
    this(Settings.paper());
  }

  public DynamicSvr(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(List<Sample> train, List<Sample> validation, long seed) {
    checkArgument(!train.isEmpty(), "%s: no training samples", NAME);
    DynamicFeatures.Quantiser quantiser = DynamicFeatures.Quantiser.fit(train, settings.levels());
    double[][] features = new double[train.size()][];
    for (int i = 0; i < features.length; i++) {
      features[i] = quantiser.features(train.get(i));
    }
    Standardiser standardiser = Standardiser.fit(features);
    TargetScaler scaler = TargetScaler.fit(Sample.targets(train));
    svm_problem problem = new svm_problem();
    problem.l = train.size();
    problem.x = new svm_node[problem.l][];
    problem.y = new double[problem.l];
    for (int i = 0; i < problem.l; i++) {
      problem.x[i] = nodes(standardiser.apply(features[i]));
      problem.y[i] = scaler.scale(train.get(i).target());
    }

    if (validation.isEmpty()) {
      svm_model model = train(problem, settings.defaultKernel(), settings.defaultC());
      return new Fitted(
          quantiser,
          standardiser,
          scaler,
          model,
          settings.defaultKernel(),
          settings.defaultC(),
          Double.NaN);
    }
    svm_node[][] validationNodes = new svm_node[validation.size()][];
    for (int i = 0; i < validationNodes.length; i++) {
      validationNodes[i] = nodes(standardiser.apply(quantiser.features(validation.get(i))));
    }
    double[] validationTargets = Sample.targets(validation);
    Fitted best = null;
    for (Kernel kernel : settings.kernels()) {
      for (double c : settings.cs()) {
        svm_model model = train(problem, kernel, c);
        double sum = 0;
        for (int i = 0; i < validationNodes.length; i++) {
          double error =
              scaler.unscale(svm.svm_predict(model, validationNodes[i])) - validationTargets[i];
          sum += error * error;
        }
        double mse = sum / validationNodes.length;
        LOG.debug("{}: kernel {}, C {}: validation MSE {}", NAME, kernel, c, mse);
        if (best == null || mse < best.validationMse) {
          best = new Fitted(quantiser, standardiser, scaler, model, kernel, c, mse);
        }
      }
    }
    LOG.debug(
        "{}: chose kernel {}, C {} (validation MSE {})",
        NAME,
        best.kernel,
        best.c,
        best.validationMse);
    return best;
  }

  private svm_model train(svm_problem problem, Kernel kernel, double c) {
    svm_parameter parameter = new svm_parameter();
    parameter.svm_type = svm_parameter.EPSILON_SVR;
    parameter.kernel_type = kernel.libsvmType;
    parameter.degree = 3;
    parameter.gamma = 1.0 / DynamicFeatures.COUNT;
    parameter.coef0 = 0;
    parameter.C = c;
    parameter.p = settings.epsilon();
    parameter.eps = 1e-3;
    parameter.cache_size = 100;
    parameter.shrinking = 1;
    parameter.probability = 0;
    parameter.nr_weight = 0;
    parameter.weight_label = new int[0];
    parameter.weight = new double[0];
    String error = svm.svm_check_parameter(problem, parameter);
    checkArgument(error == null, "%s: LIBSVM rejects the parameters: %s", NAME, error);
    return svm.svm_train(problem, parameter);
  }

  private static svm_node[] nodes(double[] z) {
    svm_node[] nodes = new svm_node[z.length];
    for (int j = 0; j < z.length; j++) {
      nodes[j] = new svm_node();
      nodes[j].index = j + 1;
      nodes[j].value = z[j];
    }
    return nodes;
  }

  /** A trained SVR with everything it needs to turn a sample into a prediction. Immutable. */
  public static final class Fitted implements Predictor {

    private final DynamicFeatures.Quantiser quantiser;
    private final Standardiser standardiser;
    private final TargetScaler scaler;
    private final svm_model model;
    private final Kernel kernel;
    private final double c;
    private final double validationMse;

    private Fitted(
        DynamicFeatures.Quantiser quantiser,
        Standardiser standardiser,
        TargetScaler scaler,
        svm_model model,
        Kernel kernel,
        double c,
        double validationMse) {
      this.quantiser = quantiser;
      this.standardiser = standardiser;
      this.scaler = scaler;
      this.model = model;
      this.kernel = kernel;
      this.c = c;
      this.validationMse = validationMse;
    }

    /** The chosen C. */
    public double chosenC() {
      return c;
    }

    /** The chosen kernel. */
    public Kernel chosenKernel() {
      return kernel;
    }

    /** The kernel and C, for example {@code kernel RBF, C 10.0}. */
    @Override
    public String choice() {
      return "kernel " + kernel + ", C " + c;
    }

    /**
     * The chosen model's mean squared error on the validation samples, in the targets' units
     * squared; NaN when there were none and the default point was trained.
     */
    public double validationMse() {
      return validationMse;
    }

    /** The quantiser fitted on the training samples. */
    public DynamicFeatures.Quantiser quantiser() {
      return quantiser;
    }

    @Override
    public double[] predict(List<Sample> samples) {
      double[] predictions = new double[samples.size()];
      for (int i = 0; i < predictions.length; i++) {
        double[] z = standardiser.apply(quantiser.features(samples.get(i)));
        predictions[i] = scaler.unscale(svm.svm_predict(model, nodes(z)));
      }
      return predictions;
    }
  }
}
