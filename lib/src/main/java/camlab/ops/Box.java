package camlab.ops;

/**
 * An axis-aligned box in inclusive pixel coordinates: it covers columns x0..x1 and rows y0..y1, so
 * its width is x1 − x0 + 1 (the ILSVRC devkit and wsolevaluation convention).
 */
public record Box(int x0, int y0, int x1, int y1) {
  public Box {
    if (x1 < x0 || y1 < y0) {
      throw new IllegalArgumentException("Box corners out of order: (" + x0 + "," + y0 + ")-(" + x1 + "," + y1 + ")");
    }
  }

  public int width() {
    return x1 - x0 + 1;
  }

  public int height() {
    return y1 - y0 + 1;
  }

  public long area() {
    return (long) width() * height();
  }

  public boolean contains(int x, int y) {
    return x >= x0 && x <= x1 && y >= y0 && y <= y1;
  }

  /** Intersection over union with inclusive pixel coordinates: |A ∩ B| / (|A| + |B| − |A ∩ B|). */
  public double iou(Box other) {
    int ix0 = Math.max(x0, other.x0);
    int iy0 = Math.max(y0, other.y0);
    int ix1 = Math.min(x1, other.x1);
    int iy1 = Math.min(y1, other.y1);
    long inter = (ix1 < ix0 || iy1 < iy0) ? 0 : (long) (ix1 - ix0 + 1) * (iy1 - iy0 + 1);
    return (double) inter / (area() + other.area() - inter);
  }
}
