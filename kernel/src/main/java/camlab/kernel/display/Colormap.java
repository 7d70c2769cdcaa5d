package camlab.kernel.display;

/**
 * Viridis (matplotlib's default map): perceptually uniform and readable in grey and by colour-blind
 * readers, unlike the "jet" map of early CAM papers. Built from its 11 published stops.
 */
final class Colormap {
  private static final int[] STOPS = {
      0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
  private static final int[] LUT = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      double x = i / 255.0 * (STOPS.length - 1);
      int lo = Math.min((int) x, STOPS.length - 2);
      double t = x - lo;
      LUT[i] = mix(STOPS[lo], STOPS[lo + 1], t);
    }
  }

  private Colormap() {}

  /** The RGB colour of {@code t} in [0, 1] (clamped). */
  static int rgb(double t) {
    double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    return LUT[(int) Math.round(c * 255)];
  }

  private static int mix(int a, int b, double t) {
    int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
    int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
    return (r << 16) | (g << 8) | bl;
  }
}
