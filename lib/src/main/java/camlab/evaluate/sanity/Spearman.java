package camlab.evaluate.sanity;

import java.util.Arrays;

/**
 * Spearman's rank correlation, the similarity measure of the sanity checks (Adebayo et al., NeurIPS 2018).
 *
 * <pre>
 * ρ(a, b) = Pearson( rank(a), rank(b) )        tied values share the average of their ranks (scipy's spearmanr)
 * </pre>
 *
 * Adebayo et al. report it with absolute values, ρ(|a|, |b|) ({@link #absolute}), and without ("diverging",
 * {@link #of}). A constant input has no ranking: the result is NaN, as scipy returns.
 */
public final class Spearman {
  private Spearman() {}

  /** ρ(a, b); NaN if either is constant. */
  public static double of(float[] a, float[] b) {
    if (a.length != b.length) throw new IllegalArgumentException("Rank correlation needs two maps of the same size; got " + a.length + " and " + b.length + ".");
    if (a.length < 2) throw new IllegalArgumentException("Rank correlation needs at least 2 values; got " + a.length + ".");
    return pearson(ranks(a), ranks(b));
  }

  /** ρ(|a|, |b|). */
  public static double absolute(float[] a, float[] b) {
    return of(abs(a), abs(b));
  }

  /** 1-based ranks, ties averaged: [10, 20, 20, 5] → [2, 3.5, 3.5, 1]. */
  public static double[] ranks(float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Float.isNaN(values[i])) throw new IllegalArgumentException("Cannot rank a map that contains NaN (at position " + i + ").");
    }
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Float.compare(values[x], values[y]));
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) j++;
      double average = (i + j) / 2.0 + 1; // ranks i+1 .. j+1 share their mean
      for (int k = i; k <= j; k++) ranks[order[k]] = average;
      i = j + 1;
    }
    return ranks;
  }

  static double pearson(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0 || syy == 0) return Double.NaN;
    return sxy / Math.sqrt(sxx * syy);
  }

  private static float[] abs(float[] a) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) out[i] = Math.abs(a[i]);
    return out;
  }
}
