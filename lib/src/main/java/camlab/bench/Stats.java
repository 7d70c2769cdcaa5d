package camlab.bench;

import java.util.Arrays;

/** Order statistics of timing samples. */
public final class Stats {
  private Stats() {}

  /** The median: the middle value, or the mean of the two middle values. */
  public static double median(double[] values) {
    if (values.length == 0) throw new IllegalArgumentException("No samples to take the median of.");
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** {@code ratios[r] = numerators[r] / denominators[r]}, sample by sample. */
  public static double[] ratios(double[] numerators, double[] denominators) {
    double[] out = new double[numerators.length];
    for (int r = 0; r < out.length; r++) out[r] = numerators[r] / denominators[r];
    return out;
  }

  public static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
