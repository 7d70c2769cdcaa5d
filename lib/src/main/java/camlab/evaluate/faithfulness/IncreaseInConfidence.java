package camlab.evaluate.faithfulness;

/**
 * Increase in Confidence (Chattopadhay et al., "Grad-CAM++", WACV 2018): how often the explanation image alone makes
 * the model <em>more</em> sure of the class than the full image.
 *
 * <pre>
 * Increase in Confidence = 100 · (1/N) Σ_i 1[ Y_i &lt; O_i ]                 (higher is better)
 * </pre>
 *
 * Y_i and O_i as in {@link AverageDrop}: softmax probabilities of the predicted class on the image and on the
 * explanation image E_i = L_i ⊙ I_i.
 */
public final class IncreaseInConfidence {
  private long increases;
  private long images;

  public void add(double fullImageScore, double explanationScore) {
    if (Double.isNaN(fullImageScore) || Double.isNaN(explanationScore)) {
      throw new IllegalArgumentException("Increase in Confidence needs finite scores; got Y = " + fullImageScore + ", O = " + explanationScore + ".");
    }
    if (fullImageScore < explanationScore) increases++;
    images++;
  }

  /** Increase in Confidence in percent. */
  public double value() {
    if (images == 0) throw new IllegalStateException("No image has been added yet; call add(Y, O) for each image first.");
    return 100.0 * increases / images;
  }

  public long images() {
    return images;
  }
}
