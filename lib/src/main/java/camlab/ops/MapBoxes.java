package camlab.ops;

import camlab.ops.Box;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Boxes from a score map, as the WSOL papers draw them: keep the pixels above a threshold, split them
 * into 8-connected components, and box the components.
 *
 * <p>CAM: pixels above 20 % of the map's maximum, box of the largest component. Grad-CAM: 15 %.
 * {@link #allComponents} gives every component's box (MaxBoxAccV2 counts the best-matching one).
 * Maps are row-major {@code height × width}.
 */
public final class MapBoxes {
  /** Zhou et al.'s threshold: 20 % of the max. */
  public static final double CAM_THRESHOLD = 0.20;
  /** Selvaraju et al.'s threshold: 15 % of the max. */
  public static final double GRAD_CAM_THRESHOLD = 0.15;

  private MapBoxes() {}

  /** The box of the largest component of {@code map > fraction · max(map)}; empty when no pixel is above. */
  public static Optional<Box> largestComponentBox(float[] map, int height, int width, double fraction) {
    return components(map, height, width, fraction * max(map)).stream()
        .max(Comparator.comparingInt(Component::pixels))
        .map(Component::box);
  }

  /** Boxes of every component of {@code map > threshold} (an absolute value), largest first. */
  public static List<Box> allComponents(float[] map, int height, int width, double threshold) {
    return components(map, height, width, threshold).stream()
        .sorted(Comparator.comparingInt(Component::pixels).reversed())
        .map(Component::box).toList();
  }

  /** A connected set of pixels above the threshold: its size and bounding box. */
  public record Component(int pixels, Box box) {}

  /** The 8-connected components of the pixels strictly above {@code threshold}, in scan order. */
  public static List<Component> components(float[] map, int height, int width, double threshold) {
    if (map.length != height * width) {
      throw new IllegalArgumentException("The map has " + map.length + " values, not " + height + "×" + width + ".");
    }
    int[] foreground = new int[map.length];
    for (int p = 0; p < map.length; p++) foreground[p] = map[p] > threshold ? 1 : 0; // NaN is background
    ConnectedComponents labelled = new ConnectedComponents(foreground, height, width);
    labelled.lowerTo(0);
    return labelled.components();
  }

  static float max(float[] map) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : map) {
      if (Float.isNaN(v)) throw new IllegalArgumentException("The map contains NaN; boxes need a finite map.");
      max = Math.max(max, v);
    }
    return max;
  }
}
