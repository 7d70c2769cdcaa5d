package camlab.data;

import java.util.SplittableRandom;

/**
 * The background of a localization canvas: smooth low-frequency noise, speckle, a few strokes and small
 * blobs, and two or three textured distractor objects as bright as an item — so that "the brightest
 * region" is not the answer and a map has to know what clothing looks like.
 */
final class Clutter {
  private static final int GRID = 8;

  private Clutter() {}

  /**
   * @param left, top, itemSize where the item will be drawn: one distractor is placed against the item's
   *     edge, as things touch in real clutter, so that brightness cannot separate the item from its neighbour
   */
  static float[] draw(int n, SplittableRandom random, int left, int top, int itemSize) {
    float[] canvas = smoothNoise(n, random, 0.22f);
    for (int k = 0; k < canvas.length; k++) canvas[k] += (float) (random.nextDouble() * 0.08);
    int strokes = 2 + random.nextInt(3);
    for (int s = 0; s < strokes; s++) stroke(canvas, n, random);
    int blobs = 1 + random.nextInt(2);
    for (int b = 0; b < blobs; b++) blob(canvas, n, random);
    int distractors = 2 + random.nextInt(2);
    for (int d = 0; d < distractors; d++) {
      double cx;
      double cy;
      if (d == 0) { // centred on a random point of the item's border
        double t = random.nextDouble() * 4;
        double along = (t % 1) * itemSize;
        cx = t < 1 ? left + along : t < 2 ? left + itemSize : t < 3 ? left + itemSize - along : left;
        cy = t < 1 ? top : t < 2 ? top + along : t < 3 ? top + itemSize : top + itemSize - along;
      } else {
        cx = random.nextDouble() * n;
        cy = random.nextDouble() * n;
      }
      distractor(canvas, n, random, cx, cy);
    }
    for (int k = 0; k < canvas.length; k++) canvas[k] = Math.min(1f, canvas[k]);
    return canvas;
  }

  /** Uniform values on a coarse (GRID+1)² lattice, bilinearly interpolated to n × n. */
  private static float[] smoothNoise(int n, SplittableRandom random, float amplitude) {
    float[] lattice = new float[(GRID + 1) * (GRID + 1)];
    for (int k = 0; k < lattice.length; k++) lattice[k] = (float) (random.nextDouble() * amplitude);
    float[] out = new float[n * n];
    for (int y = 0; y < n; y++) {
      double gy = (double) y * GRID / (n - 1);
      int ya = Math.min((int) gy, GRID - 1);
      double fy = gy - ya;
      for (int x = 0; x < n; x++) {
        double gx = (double) x * GRID / (n - 1);
        int xa = Math.min((int) gx, GRID - 1);
        double fx = gx - xa;
        int row = GRID + 1;
        double v = lattice[ya * row + xa] * (1 - fx) * (1 - fy) + lattice[ya * row + xa + 1] * fx * (1 - fy)
            + lattice[(ya + 1) * row + xa] * (1 - fx) * fy + lattice[(ya + 1) * row + xa + 1] * fx * fy;
        out[y * n + x] = (float) v;
      }
    }
    return out;
  }

  /** A straight line 8–28 px long, 1–2 px thick. */
  private static void stroke(float[] canvas, int n, SplittableRandom random) {
    double x = random.nextDouble() * n;
    double y = random.nextDouble() * n;
    double angle = random.nextDouble() * Math.PI;
    int length = 8 + random.nextInt(21);
    int thickness = 1 + random.nextInt(2);
    float intensity = (float) (0.25 + random.nextDouble() * 0.35);
    for (int t = 0; t < length; t++) {
      int px = (int) (x + t * Math.cos(angle));
      int py = (int) (y + t * Math.sin(angle));
      for (int d = 0; d < thickness; d++) paint(canvas, n, px, py + d, intensity);
    }
  }

  /** A filled rectangle 3–7 px on a side. */
  private static void blob(float[] canvas, int n, SplittableRandom random) {
    int w = 3 + random.nextInt(5);
    int h = 3 + random.nextInt(5);
    int x0 = random.nextInt(n - w);
    int y0 = random.nextInt(n - h);
    float intensity = (float) (0.2 + random.nextDouble() * 0.3);
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) paint(canvas, n, x, y, intensity);
    }
  }

  /**
   * A bright textured object that is not clothing, centred at (cx, cy): a union of two or three ellipses, 12–28 px across,
   * as bright as an item (0.55–1.0) with a ripple texture, so brightness alone does not find the item.
   */
  private static void distractor(float[] canvas, int n, SplittableRandom random, double cx, double cy) {
    int size = 12 + random.nextInt(17);
    float level = (float) (0.55 + random.nextDouble() * 0.45);
    double frequency = 0.4 + random.nextDouble() * 0.8;
    double phase = random.nextDouble() * Math.PI * 2;
    int parts = 2 + random.nextInt(2);
    double[][] ellipses = new double[parts][];
    for (int p = 0; p < parts; p++) {
      ellipses[p] = new double[] {cx + (random.nextDouble() - 0.5) * size * 0.6, cy + (random.nextDouble() - 0.5) * size * 0.6,
          size * (0.25 + random.nextDouble() * 0.25), size * (0.25 + random.nextDouble() * 0.25)};
    }
    for (int y = (int) Math.max(0, cy - size); y < Math.min(n, cy + size); y++) {
      for (int x = (int) Math.max(0, cx - size); x < Math.min(n, cx + size); x++) {
        boolean inside = false;
        for (double[] e : ellipses) {
          double dx = (x - e[0]) / e[2];
          double dy = (y - e[1]) / e[3];
          inside |= dx * dx + dy * dy <= 1;
        }
        if (inside) paint(canvas, n, x, y, level * (float) (0.8 + 0.2 * Math.sin(frequency * (x + y) + phase)));
      }
    }
  }

  private static void paint(float[] canvas, int n, int x, int y, float intensity) {
    if (x >= 0 && x < n && y >= 0 && y < n) canvas[y * n + x] = Math.max(canvas[y * n + x], intensity);
  }
}
