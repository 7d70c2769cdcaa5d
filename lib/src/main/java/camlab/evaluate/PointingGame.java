package camlab.evaluate;

/**
 * The pointing game (Zhang et al., ECCV 2016): a hit when the map's maximum lies inside the object's
 * box. {@code accuracy = hits / (hits + misses)}.
 */
public final class PointingGame {
  private PointingGame() {}

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
