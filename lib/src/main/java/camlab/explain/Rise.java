package camlab.explain;

/**
 * RISE — Randomized Input Sampling for Explanation (Petsiuk, Das, Saenko — BMVC 2018). N random masks M_i, each
 * made as in the paper: an s×s grid of cells kept with probability p, bilinearly upsampled (half-pixel centres) to
 * (s + 1)·⌈H/s⌉ × (s + 1)·⌈W/s⌉ and cropped to H × W at a random shift (dy, dx) ∈ [0, ⌈H/s⌉) × [0, ⌈W/s⌉). The map is
 * the masks weighed by the softmax probability of the target class under them:
 * <pre>map(i, j) = (1 / (N · p)) · Σ_i P_c(x ⊙ M_i) · M_i(i, j),       [B, H, W] at the input resolution.</pre>
 *
 * <p>The masks come from a SplitMix64 generator seeded with {@code seed}, drawn in a fixed order (per mask: s·s cell
 * draws, row by row, then dy, then dx; a draw u ∈ [0, 1) is the top 53 bits over 2^53; a cell is kept when u &lt; p, a
 * shift is ⌊u · cell⌋): the same seed gives the same masks on every machine, device and batch, and a reference in
 * another language can rebuild them ({@code tools/torchscript_reference.py}). It costs one pass per mask and image,
 * in batches.
 */
public final class Rise extends PerturbationExplainer {
  /** Masks per image by default. */
  public static final int DEFAULT_MASKS = 1000;

  /** Grid cells per side by default. */
  public static final int DEFAULT_CELLS = 8;

  /** The probability that a cell is kept, as in the paper. */
  public static final double KEEP = 0.5;

  /** The seed used unless one is given. */
  public static final long DEFAULT_SEED = 0;

  private final int masks;
  private final int cells;
  private final long seed;

  /** {@value #DEFAULT_MASKS} masks on an 8×8 grid, seed 0. */
  public Rise() {
    this(DEFAULT_MASKS, DEFAULT_SEED);
  }

  /** {@code masks} masks on an 8×8 grid. */
  public Rise(int masks, long seed) {
    this(masks, DEFAULT_CELLS, seed, DEFAULT_BATCH);
  }

  /** {@code masks} masks on a {@code cells}×{@code cells} grid, {@code batch} masked images per forward pass. */
  public Rise(int masks, int cells, long seed, int batch) {
    super(batch);
    if (masks < 1) throw new IllegalArgumentException("RISE needs at least one mask; got " + masks + " (--masks).");
    if (cells < 1) throw new IllegalArgumentException("RISE's grid needs at least one cell per side; got " + cells + ".");
    this.masks = masks;
    this.cells = cells;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "rise";
  }

  public int maskCount() {
    return masks;
  }

  public long seed() {
    return seed;
  }

  @Override
  protected void check(int height, int width) {
    if (cells > Math.min(height, width)) {
      throw new IllegalArgumentException("RISE's " + cells + "×" + cells + " grid is finer than the " + height + "×" + width + " image.");
    }
  }

  @Override
  protected int maskCount(int height, int width) {
    return masks;
  }

  /**
   * Masks {@code first .. last − 1}: the generator jumps over the earlier masks' draws, so any chunk is the same numbers
   * as when all masks are made at once.
   */
  @Override
  protected float[] masks(int first, int last, int height, int width) {
    SplitMix64 random = new SplitMix64(seed);
    random.skip((long) first * (cells * cells + 2));
    int cellHeight = ceilDiv(height, cells);
    int cellWidth = ceilDiv(width, cells);
    Axis rows = new Axis(cells, (cells + 1) * cellHeight);
    Axis columns = new Axis(cells, (cells + 1) * cellWidth);
    float[] out = new float[(last - first) * height * width];
    double[] grid = new double[cells * cells];
    for (int n = first; n < last; n++) {
      for (int g = 0; g < grid.length; g++) grid[g] = random.nextDouble() < KEEP ? 1 : 0;
      int dy = (int) (random.nextDouble() * cellHeight);
      int dx = (int) (random.nextDouble() * cellWidth);
      int offset = (n - first) * height * width;
      for (int i = 0; i < height; i++) {
        int y = i + dy;
        for (int j = 0; j < width; j++) {
          int x = j + dx;
          double top = grid[rows.i0[y] * cells + columns.i0[x]] * columns.w0[x] + grid[rows.i0[y] * cells + columns.i1[x]] * columns.w1[x];
          double bottom = grid[rows.i1[y] * cells + columns.i0[x]] * columns.w0[x] + grid[rows.i1[y] * cells + columns.i1[x]] * columns.w1[x];
          out[offset + i * width + j] = (float) (top * rows.w0[y] + bottom * rows.w1[y]);
        }
      }
    }
    return out;
  }

  @Override
  protected boolean occludes() {
    return false;
  }

  @Override
  protected Score score() {
    return Score.PROBABILITY;
  }

  @Override
  protected double weight(double unmasked, double masked) {
    return masked;
  }

  @Override
  protected void finish(double[] sum, int height, int width) {
    for (int p = 0; p < sum.length; p++) sum[p] /= masks * KEEP;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /**
   * Bilinear sampling positions along one axis, {@code in → out} samples with half-pixel centres (PyTorch's
   * {@code interpolate}, align_corners = false): output {@code o} reads input {@code i0[o]} and {@code i1[o]} with
   * weights {@code w0[o]}, {@code w1[o]}.
   */
  private static final class Axis {
    final int[] i0;
    final int[] i1;
    final double[] w0;
    final double[] w1;

    Axis(int in, int out) {
      i0 = new int[out];
      i1 = new int[out];
      w0 = new double[out];
      w1 = new double[out];
      double scale = (double) in / out;
      for (int o = 0; o < out; o++) {
        double source = Math.max(0, (o + 0.5) * scale - 0.5);
        int low = Math.min((int) source, in - 1);
        i0[o] = low;
        i1[o] = Math.min(low + 1, in - 1);
        w1[o] = source - low;
        w0[o] = 1 - w1[o];
      }
    }
  }

  /** Steele, Lea and Flood's SplitMix64 (OOPSLA 2014): tiny, seedable and easy to rebuild in any language. */
  static final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
      this.state = seed;
    }

    long nextLong() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Jumps over {@code draws} draws: the state only ever grows by the same constant. */
    void skip(long draws) {
      state += draws * 0x9E3779B97F4A7C15L;
    }

    /** u ∈ [0, 1): the top 53 bits over 2^53. */
    double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }
  }
}
