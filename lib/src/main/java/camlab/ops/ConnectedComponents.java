package camlab.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 8-connected components of {@code {p : level_p > cut}}, for one cut or for a sequence of decreasing cuts,
 * computed incrementally: the library's one labelling of connected components.
 *
 * <p>The foreground at a lower cut contains the one at a higher cut, so pixels are added from the highest level
 * down and merged with their already-added neighbours (union–find with union by size and path halving). All
 * thresholds of a box-accuracy curve then cost about one pass over the image, instead of one labelling per
 * threshold, and a single cut ({@link MapBoxes#components}) costs one pass too.
 */
public final class ConnectedComponents {
  /** Receives one component: its pixel count, its first pixel in row-major order, and its inclusive box. */
  public interface Visitor {
    void component(int pixels, int firstPixel, int x0, int y0, int x1, int y1);
  }

  private final int[] levels;
  private final int width;
  private final int height;
  private final int[] byLevel; // pixel indices, highest level first
  private int added; // byLevel[0 .. added) are in the foreground
  private final int[] parent;
  private final int[] size;
  private final int[] first;
  private final int[] x0;
  private final int[] y0;
  private final int[] x1;
  private final int[] y1;
  private int[] roots = new int[16];
  private int rootCount;

  /** @param levels integer levels ≥ 0 (e.g. the 8-bit map), row-major {@code height × width} */
  public ConnectedComponents(int[] levels, int height, int width) {
    if (levels.length != height * width) {
      throw new IllegalArgumentException("The map has " + levels.length + " values, not " + height + "×" + width + ".");
    }
    this.levels = levels;
    this.height = height;
    this.width = width;
    int n = levels.length;
    parent = new int[n];
    size = new int[n];
    first = new int[n];
    x0 = new int[n];
    y0 = new int[n];
    x1 = new int[n];
    y1 = new int[n];
    java.util.Arrays.fill(parent, -1); // -1: not in the foreground yet
    byLevel = sortByLevelDescending(levels);
  }

  /** Counting sort, stable: equal levels keep row-major order. */
  private static int[] sortByLevelDescending(int[] levels) {
    int max = 0;
    for (int v : levels) {
      if (v < 0) throw new IllegalArgumentException("Levels must be ≥ 0; got " + v + ".");
      max = Math.max(max, v);
    }
    int[] start = new int[max + 2];
    for (int v : levels) start[max - v + 1]++;
    for (int i = 1; i < start.length; i++) start[i] += start[i - 1];
    int[] order = new int[levels.length];
    for (int p = 0; p < levels.length; p++) order[start[max - levels[p]]++] = p;
    return order;
  }

  /** Grows the foreground to all pixels with level > {@code cut}. Cuts must not increase from call to call. */
  public void lowerTo(int cut) {
    while (added < byLevel.length && levels[byLevel[added]] > cut) {
      add(byLevel[added++]);
    }
  }

  private void add(int p) {
    int x = p % width;
    int y = p / width;
    parent[p] = p;
    size[p] = 1;
    first[p] = p;
    x0[p] = x1[p] = x;
    y0[p] = y1[p] = y;
    if (rootCount == roots.length) roots = java.util.Arrays.copyOf(roots, 2 * rootCount);
    roots[rootCount++] = p;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        int q = ny * width + nx;
        if (parent[q] >= 0) union(p, q);
      }
    }
  }

  private int find(int p) {
    while (parent[p] != p) {
      parent[p] = parent[parent[p]];
      p = parent[p];
    }
    return p;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) return;
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra; // rb stops being a root; it is dropped from `roots` lazily in forEach
    size[ra] += size[rb];
    first[ra] = Math.min(first[ra], first[rb]);
    x0[ra] = Math.min(x0[ra], x0[rb]);
    y0[ra] = Math.min(y0[ra], y0[rb]);
    x1[ra] = Math.max(x1[ra], x1[rb]);
    y1[ra] = Math.max(y1[ra], y1[rb]);
  }

  /** Visits every current component (in no particular order). */
  public void forEach(Visitor visitor) {
    int kept = 0;
    for (int i = 0; i < rootCount; i++) {
      int r = roots[i];
      if (parent[r] != r) continue;
      roots[kept++] = r;
      visitor.component(size[r], first[r], x0[r], y0[r], x1[r], y1[r]);
    }
    rootCount = kept;
  }

  /** The current components in scan order (by first pixel). */
  public List<MapBoxes.Component> components() {
    List<int[]> found = new ArrayList<>();
    forEach((pixels, firstPixel, bx0, by0, bx1, by1) -> found.add(new int[] {firstPixel, pixels, bx0, by0, bx1, by1}));
    found.sort(Comparator.comparingInt(c -> c[0]));
    return found.stream().map(c -> new MapBoxes.Component(c[1], new Box(c[2], c[3], c[4], c[5]))).toList();
  }
}
