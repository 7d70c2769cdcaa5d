package camlab.evaluate.faithfulness;

/**
 * Average Drop (Chattopadhay et al., "Grad-CAM++", WACV 2018): how much of the class's confidence is lost when the
 * model sees only the explanation image.
 *
 * <pre>
 * E_i          = L_i ⊙ I_i                       (the map, upsampled and min–max normalised to [0, 1], times the image)
 * Average Drop = 100 · (1/N) Σ_i max(0, Y_i − O_i) / Y_i                 (lower is better)
 * </pre>
 *
 * Y_i is the softmax probability of the predicted class c on the full image, O_i the probability of the same class
 * on E_i. Choices, as the paper leaves them open: the score is the softmax probability (not the logit), and the
 * map is min–max normalised (for a ReLU'd map such as Grad-CAM++'s, min–max equals the paper's division by the
 * max). Images with Y_i = 0 are rejected: the relative drop is undefined.
 */
public final class AverageDrop {
  private double sum;
  private long images;

  /**
   * @param fullImageScore Y, the class probability on the original image, in (0, 1]
   * @param explanationScore O, the class probability on the explanation image
   */
  public void add(double fullImageScore, double explanationScore) {
    if (!(fullImageScore > 0) || Double.isNaN(explanationScore)) {
      throw new IllegalArgumentException("Average Drop needs a positive full-image score and a finite explanation score; got Y = "
          + fullImageScore + ", O = " + explanationScore + ".");
    }
    sum += Math.max(0, fullImageScore - explanationScore) / fullImageScore;
    images++;
  }

  /** Average Drop in percent. */
  public double value() {
    if (images == 0) throw new IllegalStateException("No image has been added yet; call add(Y, O) for each image first.");
    return 100 * sum / images;
  }

  public long images() {
    return images;
  }

  /** The explanation image E = L ⊙ I of a single-channel image and its [0, 1] map. */
  public static float[] explanationImage(float[] map, float[] image) {
    if (map.length != image.length) {
      throw new IllegalArgumentException("The map has " + map.length + " values but the image " + image.length + "; upsample the map to the image size.");
    }
    float[] out = new float[image.length];
    for (int p = 0; p < out.length; p++) out[p] = map[p] * image[p];
    return out;
  }
}
