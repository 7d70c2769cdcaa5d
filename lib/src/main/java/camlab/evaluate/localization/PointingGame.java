package camlab.evaluate.localization;

import camlab.ops.Box;

/**
 * The pointing game (Zhang et al., "Top-down Neural Attention by Excitation Backprop", ECCV 2016): a hit when the
 * map's maximum lies inside the object's box.
 *
 * <pre>
 * Pointing game = 100 · #hits / (#hits + #misses)
 * </pre>
 *
 * Ties for the maximum go to the first pixel in row-major order (a constant map points at the top-left corner).
 * Zhang et al. allow a 15-pixel tolerance on ImageNet-sized images; this class counts the strict hit (tolerance 0),
 * as CAM-library re-implementations do on boxes. Use an instance to accumulate over a split, the static methods for
 * one map.
 */
public final class PointingGame {
  private long hits;
  private long images;

  /** Counts one image: its map (row-major, {@code width} columns) and its box. */
  public void add(float[] map, int width, Box box) {
    if (hit(map, width, box)) hits++;
    images++;
  }

  /** The pointing-game accuracy in percent over the images added so far. */
  public double accuracy() {
    if (images == 0) throw new IllegalStateException("No map has been added yet; call add(map, width, box) for each image first.");
    return 100.0 * hits / images;
  }

  public long hits() {
    return hits;
  }

  public long images() {
    return images;
  }

  /** The position of the map's maximum, {x, y}; ties go to the first in row-major order. */
  public static int[] argMax(float[] map, int width) {
    int best = 0;
    for (int i = 0; i < map.length; i++) {
      if (Float.isNaN(map[i])) throw new IllegalArgumentException("The map contains NaN at position " + i + ".");
      if (map[i] > map[best]) best = i;
    }
    return new int[] {best % width, best / width};
  }

  /** Whether the maximum of {@code map} (row-major, {@code width} columns) lies inside {@code box}. */
  public static boolean hit(float[] map, int width, Box box) {
    int[] xy = argMax(map, width);
    return box.contains(xy[0], xy[1]);
  }
}
