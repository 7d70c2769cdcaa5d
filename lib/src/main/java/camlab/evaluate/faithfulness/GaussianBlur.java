package camlab.evaluate.faithfulness;

/**
 * A separable Gaussian blur of single-channel row-major images — the insertion metric's starting image.
 *
 * <p>RISE blurs 224×224 images with an 11×11 kernel made by {@code scipy.ndimage.gaussian_filter(delta, σ = 5)}
 * and zero padding. {@link #RISE_SIGMA_AT_64} scales σ to a 64×64 canvas: 5 · 64 / 224 ≈ 1.43 px. The kernel here is
 * the Gaussian truncated at ⌈3σ⌉ and normalised to sum 1 (RISE's 11×11 window cuts its σ = 5 Gaussian at 1σ, which
 * makes it nearly a box blur); borders replicate the edge pixel, so the blurred canvas keeps its brightness (RISE's
 * zero padding is the ImageNet mean colour in its normalised space, not black).
 */
public final class GaussianBlur {
  /** RISE's σ = 5 px at 224 × 224, scaled to 64 × 64. */
  public static final double RISE_SIGMA_AT_64 = 5.0 * 64 / 224;

  private final double sigma;
  private final double[] kernel;

  public GaussianBlur(double sigma) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) throw new IllegalArgumentException("σ must be positive and finite; got " + sigma + ".");
    this.sigma = sigma;
    int radius = (int) Math.ceil(3 * sigma);
    kernel = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = Math.exp(-(double) i * i / (2 * sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) kernel[i] /= sum;
  }

  public double sigma() {
    return sigma;
  }

  /** The blurred copy of a {@code height × width} image. */
  public float[] apply(float[] image, int height, int width) {
    if (image.length != height * width) {
      throw new IllegalArgumentException("The image has " + image.length + " values, not " + height + "×" + width + ".");
    }
    int radius = kernel.length / 2;
    double[] rows = new double[image.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double acc = 0;
        for (int k = -radius; k <= radius; k++) {
          int xx = Math.min(width - 1, Math.max(0, x + k));
          acc += kernel[k + radius] * image[y * width + xx];
        }
        rows[y * width + x] = acc;
      }
    }
    float[] out = new float[image.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double acc = 0;
        for (int k = -radius; k <= radius; k++) {
          int yy = Math.min(height - 1, Math.max(0, y + k));
          acc += kernel[k + radius] * rows[yy * width + x];
        }
        out[y * width + x] = (float) acc;
      }
    }
    return out;
  }
}
