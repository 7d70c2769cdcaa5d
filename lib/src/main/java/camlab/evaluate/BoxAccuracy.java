package camlab.evaluate;

import java.util.Arrays;
import java.util.List;

/**
 * Box accuracy on a grid of score-map thresholds — the counts behind {@link MaxBoxAcc}, {@link MaxBoxAccV2},
 * {@link GtKnownLoc} and {@link Top1Loc} (Choe et al., "Evaluating Weakly Supervised Object Localization Methods
 * Right", CVPR 2020; wsolevaluation's {@code BoxEvaluator}). Stream the maps in with {@link #add}; memory does not
 * grow with the number of images.
 *
 * <pre>
 * BoxAcc(τ, δ) = 100 · (1/N) Σ_n 1[ max_{b ∈ boxes(s_n, τ)} max_{B ∈ GT_n} IoU(b, B) ≥ δ ]
 *
 * s_n          the map of image n for its ground-truth class, in [0, 1] (see {@link ScoreMaps#forEvaluation})
 * boxes(s, τ)  tight boxes of the 8-connected components of { p : q_p > ⌊τ · max q⌋ },  q_p = ⌊255 · s_p⌋
 *              (wsolevaluation thresholds the 8-bit map, strictly greater than the cut)
 * τ            τ_k = k · interval, k = 0 .. ⌈1/interval⌉ − 1  (np.arange(0, 1, 0.01) by default: 0, 0.01, …, 0.99)
 * </pre>
 *
 * {@link Mode#LARGEST} keeps only the component with the most pixels (MaxBoxAcc, the CAM paper's "largest
 * connected component"); {@link Mode#ALL_COMPONENTS} keeps all of them and the best-matching box counts
 * (MaxBoxAccV2). Every count is also kept for correctly classified images only, for Top-1 Loc.
 *
 * <p>Where this differs from wsolevaluation's OpenCV code, deliberately:
 * <ul>
 *   <li>A box is the tight inclusive box of the component's pixels. wsolevaluation takes {@code x + w} from
 *       {@code cv2.boundingRect} as the inclusive right edge, one pixel wider and taller than the component.
 *   <li>"Largest" means most pixels; wsolevaluation takes the largest {@code cv2.contourArea} (the polygon area
 *       of the outline, 0 for a one-pixel-wide component).
 *   <li>Components are the foreground regions. {@code cv2.RETR_TREE} also returns the outlines of holes, whose
 *       boxes wsolevaluation's all-contours mode tries as well.
 *   <li>No pixel above the cut gives no box, a miss; wsolevaluation scores the box (0, 0, 0, 0) instead.
 * </ul>
 */
public final class BoxAccuracy {
  /** Which boxes of a thresholded map are compared with the ground truth. */
  public enum Mode {
    /** Only the largest component's box (MaxBoxAcc, GT-known Loc, Top-1 Loc). */
    LARGEST,
    /** Every component's box; the best match counts (MaxBoxAccV2). */
    ALL_COMPONENTS
  }

  /** wsolevaluation's {@code cam_curve_interval}. */
  public static final double DEFAULT_INTERVAL = 0.01;
  /** MaxBoxAccV2's IoU thresholds δ (wsolevaluation's {@code iou_threshold_list} 30, 50, 70). */
  public static final List<Double> DEFAULT_IOU_THRESHOLDS = List.of(0.3, 0.5, 0.7);

  private final double[] thresholds;
  private final double[] iouThresholds;
  private final long[][][] correct; // [mode][δ][τ]
  private final long[][][] correctAndClassified; // [mode][δ][τ]
  private long images;
  private long classified;

  /** τ on the 0.01 grid, δ ∈ {0.3, 0.5, 0.7}. */
  public BoxAccuracy() {
    this(DEFAULT_INTERVAL, DEFAULT_IOU_THRESHOLDS);
  }

  /**
   * @param interval the spacing of the τ grid, in (0, 1)
   * @param iouThresholds the δ values to count, each in (0, 1]
   */
  public BoxAccuracy(double interval, List<Double> iouThresholds) {
    if (!(interval > 0 && interval < 1)) {
      throw new IllegalArgumentException("The threshold interval must be in (0, 1), e.g. 0.01; got " + interval + ".");
    }
    if (iouThresholds.isEmpty()) throw new IllegalArgumentException("Give at least one IoU threshold δ, e.g. 0.5.");
    for (double d : iouThresholds) {
      if (!(d > 0 && d <= 1)) throw new IllegalArgumentException("IoU thresholds must be in (0, 1]; got " + d + ".");
    }
    int count = (int) Math.ceil(1 / interval - 1e-9);
    thresholds = new double[count];
    for (int k = 0; k < count; k++) thresholds[k] = k * interval; // as np.arange computes them
    this.iouThresholds = iouThresholds.stream().mapToDouble(Double::doubleValue).toArray();
    correct = new long[Mode.values().length][this.iouThresholds.length][count];
    correctAndClassified = new long[Mode.values().length][this.iouThresholds.length][count];
  }

  /**
   * Counts one image.
   *
   * @param scoreMap the map for the image's ground-truth class, row-major {@code height × width}, in [0, 1]
   * @param groundTruth the image's boxes (an image counts as correct when any of them matches)
   * @param classifiedCorrectly whether the model's top-1 class is the ground truth (for Top-1 Loc)
   */
  public void add(float[] scoreMap, int height, int width, List<Box> groundTruth, boolean classifiedCorrectly) {
    ScoreMaps.check(scoreMap, height * width, "The score map of image " + images);
    if (groundTruth.isEmpty()) throw new IllegalArgumentException("Image " + images + " has no ground-truth box; box accuracy needs one.");
    float[] levels = levels(scoreMap);
    int maxLevel = (int) MapBoxes.max(levels);
    for (int k = 0; k < thresholds.length; k++) {
      List<MapBoxes.Component> components = MapBoxes.components(levels, height, width, cut(thresholds[k], maxLevel));
      double largestIou = 0;
      double bestIou = 0;
      int largestPixels = 0;
      for (MapBoxes.Component c : components) {
        double iou = bestIou(c.box(), groundTruth);
        bestIou = Math.max(bestIou, iou);
        if (c.pixels() > largestPixels) { // strictly greater: ties go to the first component in scan order
          largestPixels = c.pixels();
          largestIou = iou;
        }
      }
      for (int d = 0; d < iouThresholds.length; d++) {
        count(Mode.LARGEST, d, k, !components.isEmpty() && largestIou >= iouThresholds[d], classifiedCorrectly);
        count(Mode.ALL_COMPONENTS, d, k, !components.isEmpty() && bestIou >= iouThresholds[d], classifiedCorrectly);
      }
    }
    images++;
    if (classifiedCorrectly) classified++;
  }

  /**
   * The components a score map in [0, 1] gives at threshold τ under wsolevaluation's rule (see the class comment),
   * in scan order; their boxes are what {@link #add} compares with the ground truth.
   */
  public static List<MapBoxes.Component> components(float[] scoreMap, int height, int width, double tau) {
    ScoreMaps.check(scoreMap, height * width, "The score map");
    float[] levels = levels(scoreMap);
    return MapBoxes.components(levels, height, width, cut(tau, (int) MapBoxes.max(levels)));
  }

  /** q = ⌊255 · s⌋ per pixel, as numpy's {@code (s * 255).astype(np.uint8)}. */
  private static float[] levels(float[] scoreMap) {
    float[] levels = new float[scoreMap.length];
    for (int p = 0; p < levels.length; p++) levels[p] = (int) (scoreMap[p] * 255.0);
    return levels;
  }

  /** ⌊τ · max q⌋: foreground is q strictly above it ({@code cv2.THRESH_BINARY}). */
  private static int cut(double tau, int maxLevel) {
    return (int) (tau * maxLevel);
  }

  /** {@link #add(float[], int, int, List, boolean)} for an image with one box. */
  public void add(float[] scoreMap, int height, int width, Box groundTruth, boolean classifiedCorrectly) {
    add(scoreMap, height, width, List.of(groundTruth), classifiedCorrectly);
  }

  private void count(Mode mode, int d, int k, boolean hit, boolean classifiedCorrectly) {
    if (!hit) return;
    correct[mode.ordinal()][d][k]++;
    if (classifiedCorrectly) correctAndClassified[mode.ordinal()][d][k]++;
  }

  private static double bestIou(Box box, List<Box> groundTruth) {
    double best = 0;
    for (Box gt : groundTruth) best = Math.max(best, box.iou(gt));
    return best;
  }

  /** BoxAcc(τ_k, δ) in percent for every τ_k of the grid. */
  public double[] curve(Mode mode, double iouThreshold) {
    return percent(correct[mode.ordinal()][indexOf(iouThreshold)]);
  }

  /**
   * The same curve counting only images whose top-1 class is the ground truth, still over all N images:
   * {@code 100 · (1/N) Σ_n 1[top-1 correct] · 1[box correct]}.
   */
  public double[] top1Curve(Mode mode, double iouThreshold) {
    return percent(correctAndClassified[mode.ordinal()][indexOf(iouThreshold)]);
  }

  private double[] percent(long[] counts) {
    if (images == 0) throw new IllegalStateException("No image has been added yet; call add(...) for each image first.");
    double[] out = new double[counts.length];
    for (int k = 0; k < counts.length; k++) out[k] = 100.0 * counts[k] / images;
    return out;
  }

  private int indexOf(double iouThreshold) {
    for (int d = 0; d < iouThresholds.length; d++) {
      if (Math.abs(iouThresholds[d] - iouThreshold) < 1e-9) return d;
    }
    throw new IllegalArgumentException("IoU threshold " + iouThreshold + " was not counted; this accumulator counts "
        + Arrays.toString(iouThresholds) + ". Create it with that threshold.");
  }

  /** The index of {@code tau} on the grid (the nearest grid value). */
  public int thresholdIndex(double tau) {
    if (!(tau >= 0 && tau < 1)) throw new IllegalArgumentException("A score-map threshold τ must be in [0, 1); got " + tau + ".");
    int best = 0;
    for (int k = 1; k < thresholds.length; k++) {
      if (Math.abs(thresholds[k] - tau) < Math.abs(thresholds[best] - tau)) best = k;
    }
    return best;
  }

  /** The τ grid. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** The IoU thresholds δ counted. */
  public double[] iouThresholds() {
    return iouThresholds.clone();
  }

  /** Images added so far. */
  public long images() {
    return images;
  }

  /** Images added so far whose top-1 class was the ground truth. */
  public long correctlyClassified() {
    return classified;
  }
}
