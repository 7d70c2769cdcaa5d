package camlab.evaluate.localization;

import camlab.ops.ScoreMaps;
/**
 * Pixel average precision (Choe et al., CVPR 2020; wsolevaluation's {@code MaskEvaluator}): the area under the
 * pixel precision–recall curve of the score maps against the ground-truth masks, all pixels of the dataset pooled.
 * Threshold-free, so no operating threshold is tuned.
 *
 * <pre>
 * PxPrec(τ) = |{s ≥ τ} ∩ T| / |{s ≥ τ}|        PxRec(τ) = |{s ≥ τ} ∩ T| / |T|        (T: foreground pixels)
 * PxAP      = 100 · Σ_l PxPrec(τ_l) · (PxRec(τ_l) − PxRec(τ_{l−1}))
 * </pre>
 *
 * wsolevaluation's binning, kept exactly: scores are counted in histograms with bin edges
 * {@code [0, 0.01, …, 0.99, 1, 2, 3]} ({@code [e_i, e_{i+1})}, the last bin closed), separately for foreground and
 * background pixels; the thresholds τ_l run over the edges from the top (3) down to 0, true and false positives are
 * the reverse cumulative sums, and thresholds with no pixel at or above them are skipped. A perfect map scores 100;
 * a constant map scores the foreground prevalence |T| / (all pixels) × 100.
 *
 * <p>Memory is two histograms, whatever the number of images.
 */
public final class PxAP {
  private final double[] edges;
  private final long[] foreground;
  private final long[] background;

  /** Bins of width 0.01, as wsolevaluation. */
  public PxAP() {
    this(BoxAccuracy.DEFAULT_INTERVAL);
  }

  /** Bins of width {@code interval} on [0, 1), then [1, 2) and [2, 3]. */
  public PxAP(double interval) {
    if (!(interval > 0 && interval < 1)) {
      throw new IllegalArgumentException("The bin width must be in (0, 1), e.g. 0.01; got " + interval + ".");
    }
    int count = (int) Math.ceil(1 / interval - 1e-9);
    edges = new double[count + 3];
    for (int k = 0; k < count; k++) edges[k] = k * interval;
    edges[count] = 1;
    edges[count + 1] = 2;
    edges[count + 2] = 3;
    foreground = new long[edges.length - 1];
    background = new long[edges.length - 1];
  }

  /**
   * Counts the pixels of one image.
   *
   * @param scoreMap row-major, in [0, 1]
   * @param mask the ground-truth foreground, same layout
   */
  public void add(float[] scoreMap, boolean[] mask) {
    if (mask == null || scoreMap == null || mask.length != scoreMap.length) {
      throw new IllegalArgumentException("The mask must have one entry per map pixel; got " + (mask == null ? "no mask" : mask.length)
          + " entries for " + (scoreMap == null ? "no map" : scoreMap.length) + " pixels.");
    }
    ScoreMaps.check(scoreMap, mask.length, "The score map");
    for (int p = 0; p < scoreMap.length; p++) {
      int bin = bin(scoreMap[p]);
      if (mask[p]) foreground[bin]++;
      else background[bin]++;
    }
  }

  /** numpy.histogram's bin of v: the last i with edges[i] ≤ v (v = 3 falls in the last, closed bin). */
  private int bin(double v) {
    int lo = 0;
    int hi = edges.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** PxAP in percent over the pixels added so far. */
  public double value() {
    int bins = foreground.length;
    long totalForeground = 0;
    long totalPixels = 0;
    for (int i = 0; i < bins; i++) {
      totalForeground += foreground[i];
      totalPixels += foreground[i] + background[i];
    }
    if (totalPixels == 0) throw new IllegalStateException("No map has been added yet; call add(map, mask) for each image first.");
    if (totalForeground == 0) {
      throw new IllegalStateException("The masks added have no foreground pixel, so recall is undefined; PxAP needs images with objects.");
    }
    double auc = 0;
    double previousRecall = 0;
    long tp = 0;
    long fp = 0;
    for (int i = bins - 1; i >= 0; i--) { // thresholds from the top edge down
      tp += foreground[i];
      fp += background[i];
      double recall = (double) tp / totalForeground;
      // the highest threshold (≥ 2) starts the curve at recall 0; it contributes nothing
      if (i < bins - 1 && tp + fp > 0) auc += (double) tp / (tp + fp) * (recall - previousRecall);
      previousRecall = recall;
    }
    return 100 * auc;
  }
}
