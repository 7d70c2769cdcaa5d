package camlab.data;

import java.util.SplittableRandom;

/**
 * The background of a localization canvas: smooth low-frequency noise, speckle, and a few strokes
 * and blobs as bright as a dim item — enough that "the brightest region" is not the answer.
 */
final class Clutter {
  private static final int GRID = 8;

  private Clutter() {}

  static float[] draw(int n, SplittableRandom random) {
    float[] canvas = smoothNoise(n, random, 0.22f);
    for (int k = 0; k < canvas.length; k++) canvas[k] += (float) (random.nextDouble() * 0.08);
    int strokes = 2 + random.nextInt(3);
    for (int s = 0; s < strokes; s++) stroke(canvas, n, random);
    int blobs = 1 + random.nextInt(2);
    for (int b = 0; b < blobs; b++) blob(canvas, n, random);
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

  private static void paint(float[] canvas, int n, int x, int y, float intensity) {
    if (x >= 0 && x < n && y >= 0 && y < n) canvas[y * n + x] = Math.max(canvas[y * n + x], intensity);
  }
}
