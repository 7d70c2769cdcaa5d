package camlab.evaluate.localization;

import camlab.data.LocalizationSet;
import camlab.ops.ScoreMaps;
import java.util.Objects;

/**
 * Every localization metric of one method over one split, accumulated image by image: box accuracies on the
 * threshold grid ({@link BoxAccuracy}), pixel precision–recall histograms ({@link PxAP}) and pointing-game hits
 * ({@link PointingGame}). Memory stays flat whatever the split size, and no model is needed: feed it maps,
 * predictions and samples.
 *
 * <pre>{@code
 * LocalizationMetrics val = new LocalizationMetrics();    // 1. the validation split: choose τ*
 * for (...) val.add(map, predicted, sample);
 * double tau = val.operatingThreshold();
 * LocalizationMetrics test = new LocalizationMetrics();   // 2. the test split: report at τ*
 * for (...) test.add(map, predicted, sample);
 * LocalizationMetrics.Result r = test.result(tau);
 * }</pre>
 *
 * Maps must be for the <em>ground-truth</em> class (GT-known evaluation), at image resolution, in [0, 1]
 * ({@code ActivationMaps.forEvaluation}).
 */
public final class LocalizationMetrics {
  /**
   * The numbers, in percent.
   *
   * @param gtKnownLoc {@link GtKnownLoc} at {@code operatingThreshold}
   * @param top1Loc {@link Top1Loc} at {@code operatingThreshold}
   * @param maxBoxAcc {@link MaxBoxAcc}
   * @param maxBoxAccV2 {@link MaxBoxAccV2}
   * @param pxAP {@link PxAP}
   * @param pointingGame {@link PointingGame}
   * @param operatingThreshold τ*, chosen on the validation split
   * @param maxBoxAccThreshold the τ where this split's MaxBoxAcc is reached (for information; not for reporting)
   * @param classificationAccuracy top-1 accuracy of the model on these images
   * @param images how many images were counted
   */
  public record Result(double gtKnownLoc, double top1Loc, double maxBoxAcc, double maxBoxAccV2, double pxAP, double pointingGame,
      double operatingThreshold, double maxBoxAccThreshold, double classificationAccuracy, long images) {}

  private final BoxAccuracy boxes = new BoxAccuracy();
  private final PxAP pxAP = new PxAP();
  private final PointingGame pointing = new PointingGame();

  /**
   * Counts one image.
   *
   * @param scoreMap the map of the sample's ground-truth class, row-major {@code size × size}, in [0, 1]
   * @param predictedClass the model's top-1 class for the image (for Top-1 Loc)
   */
  public void add(float[] scoreMap, int predictedClass, LocalizationSet.Sample sample) {
    Objects.requireNonNull(sample, "sample");
    int n = sample.size();
    ScoreMaps.check(scoreMap, n * n, "The score map of sample " + sample.index());
    boxes.add(scoreMap, n, n, sample.box(), predictedClass == sample.label());
    pxAP.add(scoreMap, sample.mask());
    pointing.add(scoreMap, n, sample.box());
  }

  /** τ* = argmax_τ BoxAcc(τ, 0.5) over the images added — call it on the validation split's accumulator. */
  public double operatingThreshold() {
    return GtKnownLoc.chooseThreshold(boxes);
  }

  /** All metrics over the images added, GT-known and Top-1 Loc at {@code operatingThreshold}. */
  public Result result(double operatingThreshold) {
    MaxBoxAcc.Result max = MaxBoxAcc.of(boxes);
    return new Result(GtKnownLoc.at(boxes, operatingThreshold), Top1Loc.at(boxes, operatingThreshold), max.value(),
        MaxBoxAccV2.of(boxes), pxAP.value(), pointing.accuracy(), operatingThreshold, max.threshold(),
        100.0 * boxes.correctlyClassified() / boxes.images(), boxes.images());
  }

  /** The box accuracies, for curves over τ. */
  public BoxAccuracy boxAccuracy() {
    return boxes;
  }

  public long images() {
    return boxes.images();
  }
}
