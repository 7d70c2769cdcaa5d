package camlab.explain;

/**
 * Occlusion (Zeiler &amp; Fergus — "Visualizing and Understanding Convolutional Networks", ECCV 2014; as captum's
 * {@code Occlusion} with a zero baseline). A p×p patch of zeros over all channels is moved with stride s over the
 * positions where it fits, windows W_n with top-left corners (s·u, s·v), s·u + p ≤ H, s·v + p ≤ W; each pixel gets the
 * mean drop of the target logit over the windows that cover it:
 * <pre>map(i, j) = (1 / |{n : (i,j) ∈ W_n}|) · Σ_{n : (i,j) ∈ W_n} ( y_c(x) − y_c(x with W_n set to 0) ),</pre>
 * and 0 where no window covers (i, j) (the right and bottom edges when s does not divide H − p). The map is at the input
 * resolution; it costs one pass of every occluded image, ((H − p)/s + 1)·((W − p)/s + 1) per image, in batches.
 */
public final class Occlusion extends PerturbationExplainer {
  /** The default patch side, in pixels. */
  public static final int DEFAULT_PATCH = 8;

  /** The default stride, in pixels. */
  public static final int DEFAULT_STRIDE = 4;

  private final int patch;
  private final int stride;

  /** An 8×8 patch moved by 4 pixels. */
  public Occlusion() {
    this(DEFAULT_PATCH, DEFAULT_STRIDE);
  }

  /** A patch × patch window moved by {@code stride} pixels, occluded images in passes of {@value #DEFAULT_BATCH}. */
  public Occlusion(int patch, int stride) {
    this(patch, stride, DEFAULT_BATCH);
  }

  /** As {@link #Occlusion(int, int)}, with {@code batch} occluded images per forward pass. */
  public Occlusion(int patch, int stride, int batch) {
    super(batch);
    if (patch < 1) throw new IllegalArgumentException("The occlusion patch must be at least 1 pixel; got " + patch + ".");
    if (stride < 1) throw new IllegalArgumentException("The occlusion stride must be at least 1 pixel; got " + stride + ".");
    this.patch = patch;
    this.stride = stride;
  }

  @Override
  public String name() {
    return "occlusion";
  }

  public int patch() {
    return patch;
  }

  public int stride() {
    return stride;
  }

  @Override
  protected void check(int height, int width) {
    if (patch > height || patch > width) {
      throw new IllegalArgumentException("The occlusion patch (" + patch + "×" + patch + ") is larger than the " + height + "×" + width
          + " image; choose --patch " + Math.min(height, width) + " or less.");
    }
  }

  /** Windows per row (or column) of an image of side {@code size}. */
  private int positions(int size) {
    return (size - patch) / stride + 1;
  }

  @Override
  protected int maskCount(int height, int width) {
    return positions(height) * positions(width);
  }

  @Override
  protected float[] masks(int first, int last, int height, int width) {
    float[] masks = new float[(last - first) * height * width];
    int across = positions(width);
    for (int n = first; n < last; n++) {
      int top = (n / across) * stride;
      int left = (n % across) * stride;
      int offset = (n - first) * height * width;
      for (int i = top; i < top + patch; i++) java.util.Arrays.fill(masks, offset + i * width + left, offset + i * width + left + patch, 1f);
    }
    return masks;
  }

  @Override
  protected boolean occludes() {
    return true;
  }

  @Override
  protected Score score() {
    return Score.LOGIT;
  }

  @Override
  protected double weight(double unmasked, double masked) {
    return unmasked - masked;
  }

  @Override
  protected void finish(double[] sum, int height, int width) {
    int[] rows = covering(height);
    int[] columns = covering(width);
    for (int i = 0; i < height; i++) {
      for (int j = 0; j < width; j++) {
        int count = rows[i] * columns[j]; // windows are a grid: covered in rows × covered in columns
        sum[i * width + j] = count == 0 ? 0 : sum[i * width + j] / count;
      }
    }
  }

  /** How many window positions along an axis of {@code size} pixels cover each pixel. */
  private int[] covering(int size) {
    int[] count = new int[size];
    for (int u = 0; u < positions(size); u++) {
      for (int i = u * stride; i < u * stride + patch; i++) count[i]++;
    }
    return count;
  }
}
