package camlab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.ops.Box;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fashion-MNIST items placed on a cluttered canvas, so that every image has an exact bounding box and
 * pixel mask while a classifier is trained on labels only (weakly supervised localization).
 *
 * <p>Sample {@code i} of a split is generated on the fly from the seed, the split and {@code i} alone:
 * the item is rescaled by a random factor in [{@code minScale}, {@code maxScale}] (bilinear), placed at a
 * random position where it fits entirely, its contrast scaled by a random factor in [0.6, 1], and drawn over
 * a background of smooth noise, speckle, strokes, small blobs and two or three bright textured distractor
 * objects as bright as an item — so the brightest region is often not the item. Its mask is the item's silhouette (pixels brighter than 0.05, holes filled);
 * its box is the tight box around the mask. The same settings always give the same pixels.
 *
 * <p>Splits: {@link Split#TRAIN} = Fashion-MNIST training images 0..58,999; {@link Split#VAL} = training
 * images 59,000..59,999, a small split with boxes for choosing thresholds (Choe et al.'s protocol, never
 * the test split); {@link Split#TEST} = the 10,000 test images.
 */
public final class LocalizationSet {
  /** Which Fashion-MNIST images a split draws from. */
  public enum Split {
    TRAIN(true, 0, 59_000),
    VAL(true, 59_000, 1_000),
    TEST(false, 0, 10_000);

    final boolean fromTrainFile;
    final int offset;
    final int size;

    Split(boolean fromTrainFile, int offset, int size) {
      this.fromTrainFile = fromTrainFile;
      this.offset = offset;
      this.size = size;
    }
  }

  /** How the canvases are drawn; part of the key of every cached model trained on them. */
  public record Settings(int canvasSize, double minScale, double maxScale, boolean clutter, long seed) {
    public static final Settings DEFAULT = new Settings(64, 0.9, 1.6, true, 2026);

    public Settings {
      if (canvasSize < 28 || minScale <= 0 || maxScale < minScale || Math.round(28 * maxScale) > canvasSize) {
        throw new IllegalArgumentException("Invalid localization settings " + this
            + ": need canvas ≥ 28 and 0 < minScale ≤ maxScale with 28·maxScale ≤ canvas.");
      }
    }

    public Settings withSeed(long newSeed) {
      return new Settings(canvasSize, minScale, maxScale, clutter, newSeed);
    }
  }

  /**
   * One canvas: {@code image} is row-major {@code size × size} in [0, 1]; {@code mask} marks the item's
   * pixels; {@code box} is the tight box around them (inclusive pixel coordinates).
   */
  public record Sample(int index, int label, float[] image, boolean[] mask, Box box, int size) {
    public String className() {
      return FashionMnist.CLASS_NAMES.get(label);
    }
  }

  /**
   * Bumped whenever the drawing changes, so models trained on older canvases are not reused (it is part of
   * the model cache key). 2: bright distractor objects and item contrast 0.6–1.0.
   */
  public static final int GENERATOR_VERSION = 2;

  private static final float MASK_THRESHOLD = 0.05f;

  private final Split split;
  private final Settings settings;
  private final int size;
  private final FashionMnist.Part source;

  private LocalizationSet(Split split, Settings settings, int limit) {
    this.split = split;
    this.settings = settings;
    this.size = limit <= 0 ? split.size : Math.min(limit, split.size);
    this.source = split.fromTrainFile ? FashionMnist.train() : FashionMnist.test();
  }

  /** The whole split with the default settings. */
  public static LocalizationSet of(Split split) {
    return of(split, Settings.DEFAULT, 0);
  }

  /**
   * @param limit the first {@code limit} samples only (≤ 0: the whole split) — a knob for quick runs
   */
  public static LocalizationSet of(Split split, Settings settings, int limit) {
    return new LocalizationSet(split, settings, limit);
  }

  public int size() {
    return size;
  }

  public Split split() {
    return split;
  }

  public Settings settings() {
    return settings;
  }

  public int canvasSize() {
    return settings.canvasSize();
  }

  public static List<String> classNames() {
    return FashionMnist.CLASS_NAMES;
  }

  /** Sample {@code i}, deterministic. */
  public Sample get(int i) {
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException("sample " + i + " of a split of " + size);
    int n = settings.canvasSize();
    SplittableRandom random = new SplittableRandom(mix(settings.seed(), split.ordinal(), i));
    int itemSize = (int) Math.round(28 * (settings.minScale() + random.nextDouble() * (settings.maxScale() - settings.minScale())));
    int left = random.nextInt(n - itemSize + 1);
    int top = random.nextInt(n - itemSize + 1);
    float contrast = (float) (0.6 + random.nextDouble() * 0.4); // some items are no brighter than the distractors
    float[] canvas = settings.clutter() ? Clutter.draw(n, random, left, top, itemSize) : new float[n * n];

    float[] item = resizeItem(split.offset + i, itemSize);
    boolean[] silhouette = silhouette(item, itemSize);
    for (int k = 0; k < item.length; k++) item[k] *= contrast;

    boolean[] mask = new boolean[n * n];
    int x0 = n, y0 = n, x1 = -1, y1 = -1;
    for (int y = 0; y < itemSize; y++) {
      for (int x = 0; x < itemSize; x++) {
        int at = (top + y) * n + left + x;
        float v = item[y * itemSize + x];
        if (silhouette[y * itemSize + x]) {
          canvas[at] = v;
          mask[at] = true;
          x0 = Math.min(x0, left + x);
          y0 = Math.min(y0, top + y);
          x1 = Math.max(x1, left + x);
          y1 = Math.max(y1, top + y);
        } else {
          canvas[at] = Math.max(canvas[at], v);
        }
      }
    }
    Box box = x1 < 0 ? new Box(left, top, left + itemSize - 1, top + itemSize - 1) : new Box(x0, y0, x1, y1);
    return new Sample(i, source.labels()[split.offset + i], canvas, mask, box, n);
  }

  /**
   * Samples {@code from..to-1} as a batch: images {@code [B, 1, N, N]} float32 and labels {@code [B]} int64,
   * created in {@code manager}.
   */
  public NDList batch(NDManager manager, int from, int to) {
    return batch(manager, range(from, to));
  }

  /** The samples with the given indices as a batch (see {@link #batch(NDManager, int, int)}). */
  public NDList batch(NDManager manager, int[] indices) {
    int n = settings.canvasSize();
    float[] pixels = new float[indices.length * n * n];
    long[] labels = new long[indices.length];
    for (int b = 0; b < indices.length; b++) {
      Sample s = get(indices[b]);
      System.arraycopy(s.image(), 0, pixels, b * n * n, n * n);
      labels[b] = s.label();
    }
    NDArray images = manager.create(pixels, new Shape(indices.length, 1, n, n));
    return new NDList(images, manager.create(labels));
  }

  private static int[] range(int from, int to) {
    int[] indices = new int[Math.max(0, to - from)];
    for (int k = 0; k < indices.length; k++) indices[k] = from + k;
    return indices;
  }

  /** Bilinear resize (half-pixel centres) of a 28×28 item to {@code s × s}, in [0, 1]. */
  private float[] resizeItem(int sourceIndex, int s) {
    Idx.Images images = source.images();
    int rows = images.rows();
    int cols = images.cols();
    byte[] px = images.pixels();
    int base = sourceIndex * rows * cols;
    float[] out = new float[s * s];
    for (int y = 0; y < s; y++) {
      double sy = Math.min(Math.max((y + 0.5) * rows / s - 0.5, 0), rows - 1);
      int ya = (int) sy;
      int yb = Math.min(ya + 1, rows - 1);
      double fy = sy - ya;
      for (int x = 0; x < s; x++) {
        double sx = Math.min(Math.max((x + 0.5) * cols / s - 0.5, 0), cols - 1);
        int xa = (int) sx;
        int xb = Math.min(xa + 1, cols - 1);
        double fx = sx - xa;
        double top = (px[base + ya * cols + xa] & 0xff) * (1 - fx) + (px[base + ya * cols + xb] & 0xff) * fx;
        double bottom = (px[base + yb * cols + xa] & 0xff) * (1 - fx) + (px[base + yb * cols + xb] & 0xff) * fx;
        out[y * s + x] = (float) ((top * (1 - fy) + bottom * fy) / 255.0);
      }
    }
    return out;
  }

  /** Pixels brighter than the threshold, with enclosed holes filled (a dark print inside a shirt is still shirt). */
  private static boolean[] silhouette(float[] item, int s) {
    boolean[] inside = new boolean[s * s];
    for (int k = 0; k < inside.length; k++) inside[k] = item[k] > MASK_THRESHOLD;
    boolean[] outside = new boolean[s * s]; // background reachable from the patch border
    int[] stack = new int[s * s];
    int top = 0;
    for (int k = 0; k < s; k++) {
      for (int border : new int[] {k, (s - 1) * s + k, k * s, k * s + s - 1}) {
        if (!inside[border] && !outside[border]) {
          outside[border] = true;
          stack[top++] = border;
        }
      }
    }
    while (top > 0) {
      int p = stack[--top];
      int x = p % s;
      int y = p / s;
      int[] neighbours = {x > 0 ? p - 1 : -1, x < s - 1 ? p + 1 : -1, y > 0 ? p - s : -1, y < s - 1 ? p + s : -1};
      for (int q : neighbours) {
        if (q >= 0 && !inside[q] && !outside[q]) {
          outside[q] = true;
          stack[top++] = q;
        }
      }
    }
    boolean[] filled = new boolean[s * s];
    for (int k = 0; k < filled.length; k++) filled[k] = !outside[k];
    return filled;
  }

  /** A well-mixed 64-bit seed from (seed, split, index), so neighbouring samples are unrelated. */
  private static long mix(long seed, int split, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + split * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
