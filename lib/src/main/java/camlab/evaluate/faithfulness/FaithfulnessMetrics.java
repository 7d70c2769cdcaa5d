package camlab.evaluate.faithfulness;

import camlab.ops.ScoreMaps;
/**
 * The faithfulness metrics of one method over one split, accumulated batch by batch: deletion and insertion AUC
 * ({@link CausalMetric}), {@link AverageDrop} and {@link IncreaseInConfidence}. Only sums are kept, so memory stays
 * flat; the {@link ClassScorer} is the one thing that needs the model.
 *
 * <p>All four use the map of the class being scored — RISE and Grad-CAM++ use the model's top-1 class — at image
 * resolution in [0, 1], and the softmax probability of that class as the score.
 */
public final class FaithfulnessMetrics {
  /**
   * The numbers.
   *
   * @param deletionAuc mean deletion AUC in [0, 1] (lower is better)
   * @param insertionAuc mean insertion AUC in [0, 1] (higher is better)
   * @param averageDrop in percent (lower is better)
   * @param increaseInConfidence in percent (higher is better)
   * @param images how many images were counted
   */
  public record Result(double deletionAuc, double insertionAuc, double averageDrop, double increaseInConfidence, long images) {}

  private final ClassScorer scorer;
  private final CausalMetric deletion;
  private final CausalMetric insertion;
  private final AverageDrop averageDrop = new AverageDrop();
  private final IncreaseInConfidence increase = new IncreaseInConfidence();
  private double deletionSum;
  private double insertionSum;
  private long counted;

  /** RISE's settings scaled to 64×64 canvases: {@link CausalMetric#DEFAULT_STEPS}, {@link GaussianBlur#RISE_SIGMA_AT_64}. */
  public FaithfulnessMetrics(ClassScorer scorer) {
    this(scorer, CausalMetric.DEFAULT_STEPS, GaussianBlur.RISE_SIGMA_AT_64);
  }

  /**
   * @param steps deletion/insertion steps n
   * @param blurSigma σ in pixels of the insertion's starting blur
   */
  public FaithfulnessMetrics(ClassScorer scorer, int steps, double blurSigma) {
    this.scorer = scorer;
    this.deletion = CausalMetric.deletion(steps);
    this.insertion = CausalMetric.insertion(steps, blurSigma);
  }

  /**
   * Counts a batch.
   *
   * @param images {@code [B][N·N]} the model's single-channel input images
   * @param maps {@code [B][N·N]} maps of {@code classes}, in [0, 1]
   * @param classes the class explained and scored for each image (the top-1 prediction, as RISE and Grad-CAM++)
   * @param fullImageScores Y: the probability of {@code classes[i]} on image i, as the scorer gives it
   */
  public void add(float[][] images, float[][] maps, int[] classes, double[] fullImageScores) {
    if (fullImageScores.length != images.length) {
      throw new IllegalArgumentException(images.length + " images but " + fullImageScores.length + " full-image scores.");
    }
    for (int b = 0; b < maps.length; b++) ScoreMaps.check(maps[b], images[b].length, "The map of image " + b + " of the batch");
    for (double[] curve : deletion.curves(images, maps, classes, scorer)) deletionSum += CausalMetric.auc(curve);
    for (double[] curve : insertion.curves(images, maps, classes, scorer)) insertionSum += CausalMetric.auc(curve);
    int pixels = images.length == 0 ? 0 : images[0].length;
    float[] explanations = new float[images.length * pixels];
    for (int b = 0; b < images.length; b++) {
      System.arraycopy(AverageDrop.explanationImage(maps[b], images[b]), 0, explanations, b * pixels, pixels);
    }
    double[] explanationScores = scorer.score(explanations, images.length, classes);
    for (int b = 0; b < images.length; b++) {
      averageDrop.add(fullImageScores[b], explanationScores[b]);
      increase.add(fullImageScores[b], explanationScores[b]);
    }
    counted += images.length;
  }

  public Result result() {
    if (counted == 0) throw new IllegalStateException("No image has been added yet; call add(...) for each batch first.");
    return new Result(deletionSum / counted, insertionSum / counted, averageDrop.value(), increase.value(), counted);
  }
}
