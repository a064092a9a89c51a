package io.auglove.models.metrics;

/**
 * A metric's value with a confidence interval. Any of the three may be {@link Double#NaN}: the
 * value when the metric is undefined on the data, the interval when too few resamples defined it.
 *
 * @param value the metric on all the data (averaged over draws where there are several)
 * @param ciLow the lower end of the interval
 * @param ciHigh the upper end of the interval
 */
public record Estimate(double value, double ciLow, double ciHigh) {

  private static final Estimate UNDEFINED = new Estimate(Double.NaN, Double.NaN, Double.NaN);

  /** An estimate whose value and interval are all undefined. */
  public static Estimate undefined() {
    return UNDEFINED;
  }

  /** Whether the value is defined (not NaN). */
  public boolean defined() {
    return !Double.isNaN(value);
  }

  /** Whether both ends of the interval are defined. */
  public boolean intervalDefined() {
    return !Double.isNaN(ciLow) && !Double.isNaN(ciHigh);
  }
}
