package camlab.course.display;

import camlab.viz.Colormap;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws a 2-D map (an activation map, a CAM, an image channel) as a viridis heatmap with a colour bar
 * labelled with the map's minimum, middle and maximum. NaN and infinite cells are grey. The colours are the library's
 * {@link Colormap#VIRIDIS}, so heatmaps in the notebook and the library's overlays agree.
 */
public final class Heatmap {
  private static final int TARGET = 288;   // the longer side of the map, in pixels, for small maps
  private static final int MAX_SIDE = 640; // larger maps are sampled down to this
  private static final int TOP = 22;
  private static final int PAD = 8;
  private static final int BAR = 14;
  private static final int LABELS = 64;
  private static final Color NAN = new Color(0x9e9e9e);

  private Heatmap() {}

  /** Min and max of the finite values; {@code {NaN, NaN}} if there are none. */
  public static double[] range(float[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
  }

  /**
   * @param values row-major, {@code height * width} of them
   * @param title drawn above the map (e.g. shape and type)
   */
  public static BufferedImage render(float[] values, int height, int width, String title) {
    if (values.length != height * width) {
      throw new IllegalArgumentException("expected " + height + "x" + width + " values, got " + values.length);
    }
    double[] range = range(values);
    int step = Math.max(1, (Math.max(height, width) + MAX_SIDE - 1) / MAX_SIDE);
    int rows = (height + step - 1) / step;
    int cols = (width + step - 1) / step;
    int cell = Math.max(1, TARGET / Math.max(rows, cols));
    int mapW = cols * cell;
    int mapH = rows * cell;
    int imgW = PAD + mapW + PAD + BAR + 4 + LABELS;
    int imgH = TOP + mapH + PAD;
    BufferedImage img = new BufferedImage(imgW, imgH, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, imgW, imgH);
      double span = range[1] - range[0];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          float v = values[(r * step) * width + c * step];
          g.setColor(Float.isFinite(v) ? new Color(rgb(span > 0 ? (v - range[0]) / span : 0.5)) : NAN);
          g.fillRect(PAD + c * cell, TOP + r * cell, cell, cell);
        }
      }
      int barX = PAD + mapW + PAD;
      for (int y = 0; y < mapH; y++) {
        g.setColor(new Color(rgb(1 - (double) y / Math.max(1, mapH - 1))));
        g.drawLine(barX, TOP + y, barX + BAR - 1, TOP + y);
      }
      drawText(g, title, range, barX + BAR + 4, mapH);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The viridis colour of {@code t} in [0, 1]. */
  static int rgb(double t) {
    return Colormap.VIRIDIS.rgb((float) t);
  }

  private static void drawText(Graphics2D g, String title, double[] range, int labelX, int mapH) {
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString(title, PAD, TOP - 7);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.drawString(label(range[1]), labelX, TOP + 10);
      g.drawString(label((range[0] + range[1]) / 2), labelX, TOP + mapH / 2 + 4);
      g.drawString(label(range[0]), labelX, TOP + mapH - 1);
    } catch (RuntimeException | Error noFonts) {
      // a JVM without fonts cannot draw text; the map and bar are still right, and text/plain has the numbers
    }
  }

  static String label(double v) {
    if (Double.isNaN(v)) return "NaN";
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e5)) return String.format(Locale.ROOT, "%.2e", v);
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }
}
