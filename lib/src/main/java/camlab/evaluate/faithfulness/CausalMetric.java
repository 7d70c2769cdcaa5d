package camlab.evaluate.faithfulness;

import java.util.Arrays;

/**
 * Deletion and insertion (Petsiuk, Das, Saenko — "RISE", BMVC 2018; the official {@code evaluation.py}): change the
 * image pixel by pixel in the order of the saliency map and follow the probability of the class.
 *
 * <pre>
 * order     = pixels sorted by saliency, highest first (ties: lower index first)
 * deletion  : start = I,        finish = 0 (a black canvas)        — a faithful map makes the score fall fast
 * insertion : start = blur(I),  finish = I                         — a faithful map makes the score rise fast
 * x_0 = start;  x_{t+1} = x_t with the next ⌈HW/n⌉ pixels of the order copied from finish   (t = 0 .. n−1)
 * AUC = ( Σ_{t=0..n} p_c(x_t) − p_c(x_0)/2 − p_c(x_n)/2 ) / n        (trapezoid rule on [0, 1])
 * </pre>
 *
 * p_c is the softmax probability of class c (RISE uses the model's top-1 class). Deletion: lower is better;
 * insertion: higher is better. RISE deletes 224 pixels per step on 224×224 images (n = 224, one row's worth);
 * {@link #DEFAULT_STEPS} = 64 keeps one row per step on 64×64 canvases. Deleting to 0 means black here — the
 * canvases have a dark background, and RISE's zero is also its substrate. The blur is {@link GaussianBlur}.
 * All {@code (n + 1)} images of a batch are scored in one call to the {@link ClassScorer}, which batches them.
 */
public final class CausalMetric {
  /** Which game. */
  public enum Mode {
    DELETION,
    INSERTION
  }

  /** One row of a 64×64 canvas per step, as RISE's 224 pixels per step on 224×224 images. */
  public static final int DEFAULT_STEPS = 64;

  private final Mode mode;
  private final int steps;
  private final GaussianBlur blur;

  private CausalMetric(Mode mode, int steps, GaussianBlur blur) {
    if (steps < 1) throw new IllegalArgumentException("The number of steps must be at least 1; got " + steps + ".");
    this.mode = mode;
    this.steps = steps;
    this.blur = blur;
  }

  /** Deletion in {@code steps} steps, replacing pixels with 0. */
  public static CausalMetric deletion(int steps) {
    return new CausalMetric(Mode.DELETION, steps, null);
  }

  /** Insertion in {@code steps} steps, starting from the image blurred with σ = {@code blurSigma} pixels. */
  public static CausalMetric insertion(int steps, double blurSigma) {
    return new CausalMetric(Mode.INSERTION, steps, new GaussianBlur(blurSigma));
  }

  public Mode mode() {
    return mode;
  }

  /**
   * The score curves of a batch of single-channel square images.
   *
   * @param images {@code [B][N·N]} row-major, the model's input values
   * @param saliency {@code [B][N·N]}, same layout (any real values: only their order counts)
   * @param classes the class scored for each image
   * @return {@code [B][n' + 1]}, {@code n' = ⌈N·N / ⌈N·N / n⌉⌉} (= n when n divides N·N)
   */
  public double[][] curves(float[][] images, float[][] saliency, int[] classes, ClassScorer scorer) {
    int batch = images.length;
    if (saliency.length != batch || classes.length != batch) {
      throw new IllegalArgumentException(batch + " images, " + saliency.length + " maps and " + classes.length + " classes: give one map and one class per image.");
    }
    if (batch == 0) return new double[0][];
    int pixels = images[0].length;
    int side = (int) Math.round(Math.sqrt(pixels));
    if (side * side != pixels) throw new IllegalArgumentException("Images must be square; got " + pixels + " pixels.");
    int perStep = (pixels + steps - 1) / steps;
    int points = (pixels + perStep - 1) / perStep + 1;
    float[] all = new float[batch * points * pixels];
    int[] allClasses = new int[batch * points];
    for (int b = 0; b < batch; b++) {
      if (images[b].length != pixels || saliency[b].length != pixels) {
        throw new IllegalArgumentException("Image " + b + " or its map does not have " + pixels + " values.");
      }
      for (float v : saliency[b]) {
        if (Float.isNaN(v)) throw new IllegalArgumentException("The saliency map of image " + b + " contains NaN; pixels cannot be ordered by it.");
      }
      float[] start = mode == Mode.DELETION ? images[b].clone() : blur.apply(images[b], side, side);
      float[] finish = mode == Mode.DELETION ? new float[pixels] : images[b];
      int[] order = PixelOrder.descending(saliency[b]);
      for (int t = 0; t < points; t++) {
        System.arraycopy(start, 0, all, (b * points + t) * pixels, pixels);
        allClasses[b * points + t] = classes[b];
        for (int i = t * perStep; i < Math.min(pixels, (t + 1) * perStep); i++) start[order[i]] = finish[order[i]];
      }
    }
    double[] scores = scorer.score(all, batch * points, allClasses);
    double[][] curves = new double[batch][];
    for (int b = 0; b < batch; b++) curves[b] = Arrays.copyOfRange(scores, b * points, (b + 1) * points);
    return curves;
  }

  /** RISE's normalised trapezoid area under a curve sampled at n + 1 equally spaced points of [0, 1]. */
  public static double auc(double[] curve) {
    if (curve.length < 2) throw new IllegalArgumentException("A curve needs at least 2 points; got " + curve.length + ".");
    double sum = 0;
    for (double v : curve) sum += v;
    return (sum - curve[0] / 2 - curve[curve.length - 1] / 2) / (curve.length - 1);
  }

  /** Pixels in order of decreasing saliency. */
  static final class PixelOrder {
    private PixelOrder() {}

    /** Indices sorted by value, highest first; equal values keep index order (a stable sort). */
    static int[] descending(float[] values) {
      Integer[] boxed = new Integer[values.length];
      for (int i = 0; i < boxed.length; i++) boxed[i] = i;
      Arrays.sort(boxed, (a, b) -> Float.compare(values[b], values[a])); // Arrays.sort on objects is stable
      int[] order = new int[values.length];
      for (int i = 0; i < order.length; i++) order[i] = boxed[i];
      return order;
    }
  }
}
