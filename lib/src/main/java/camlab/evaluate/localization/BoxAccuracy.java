package camlab.evaluate.localization;

import camlab.ops.Box;
import camlab.ops.ConnectedComponents;
import camlab.ops.MapBoxes;
import camlab.ops.ScoreMaps;
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
 * s_n          the map of image n for its ground-truth class, in [0, 1] (see {@code ActivationMaps.forEvaluation})
 * boxes(s, τ)  tight boxes of the 8-connected components of { p : q_p > ⌊τ · max q⌋ },  q_p = ⌊255 · s_p⌋
 *              (wsolevaluation thresholds the 8-bit map, strictly greater than the cut)
 * τ            τ_k = k · interval, k = 0 .. ⌈1/interval⌉ − 1  (np.arange(0, 1, 0.01) by default: 0, 0.01, …, 0.99)
 * </pre>
 *
 * {@link Mode#LARGEST} keeps only the component with the most pixels, ties to the first in row-major order
 * (MaxBoxAcc, the CAM paper's "largest connected component"); {@link Mode#ALL_COMPONENTS} keeps all of them and the
 * best-matching box counts (MaxBoxAccV2). Every count is also kept for correctly classified images only, for Top-1
 * Loc. The papers' fixed thresholds are points of the grid: CAM's 20 % of the max is τ = 0.20, Grad-CAM's 15 % is
 * τ = 0.15 ({@link MapBoxes} applies them to a single map).
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
    int[] levels = levels(scoreMap);
    int maxLevel = 0;
    for (int q : levels) maxLevel = Math.max(maxLevel, q);
    ConnectedComponents components = new ConnectedComponents(levels, height, width);
    Match match = new Match(groundTruth);
    for (int k = thresholds.length - 1; k >= 0; k--) { // from the highest τ down: the foreground only grows
      components.lowerTo(cut(thresholds[k], maxLevel));
      match.reset();
      components.forEach(match);
      for (int d = 0; d < iouThresholds.length; d++) {
        count(Mode.LARGEST, d, k, match.largestPixels > 0 && match.largestIou >= iouThresholds[d], classifiedCorrectly);
        count(Mode.ALL_COMPONENTS, d, k, match.largestPixels > 0 && match.bestIou >= iouThresholds[d], classifiedCorrectly);
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
    int[] levels = levels(scoreMap);
    int maxLevel = 0;
    for (int q : levels) maxLevel = Math.max(maxLevel, q);
    ConnectedComponents components = new ConnectedComponents(levels, height, width);
    components.lowerTo(cut(tau, maxLevel));
    return components.components();
  }

  /** q = ⌊255 · s⌋ per pixel, as numpy's {@code (s * 255).astype(np.uint8)}. */
  static int[] levels(float[] scoreMap) {
    int[] levels = new int[scoreMap.length];
    for (int p = 0; p < levels.length; p++) levels[p] = (int) (scoreMap[p] * 255.0);
    return levels;
  }

  /** ⌊τ · max q⌋: foreground is q strictly above it ({@code cv2.THRESH_BINARY}). */
  static int cut(double tau, int maxLevel) {
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

  /** The IoU of the largest component's box and the best IoU of any component's box, at one threshold. */
  private static final class Match implements ConnectedComponents.Visitor {
    private final List<Box> groundTruth;
    int largestPixels;
    int largestFirst;
    double largestIou;
    double bestIou;

    Match(List<Box> groundTruth) {
      this.groundTruth = groundTruth;
    }

    void reset() {
      largestPixels = 0;
      largestFirst = Integer.MAX_VALUE;
      largestIou = 0;
      bestIou = 0;
    }

    @Override
    public void component(int pixels, int firstPixel, int x0, int y0, int x1, int y1) {
      Box box = new Box(x0, y0, x1, y1);
      double iou = 0;
      for (Box gt : groundTruth) iou = Math.max(iou, box.iou(gt));
      bestIou = Math.max(bestIou, iou);
      // the most pixels; a tie goes to the component met first in row-major order, as MapBoxes lists them
      if (pixels > largestPixels || (pixels == largestPixels && firstPixel < largestFirst)) {
        largestPixels = pixels;
        largestFirst = firstPixel;
        largestIou = iou;
      }
    }
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
