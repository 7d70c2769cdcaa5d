package camlab.kernel.install;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** The kernel's logo: a small class activation map (a warm blob on a cool grid), drawn without fonts. */
final class KernelLogo {
  private static final int[] MAP = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

  private KernelLogo() {}

  static BufferedImage draw(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setClip(new RoundRectangle2D.Double(0, 0, size, size, size / 4.0, size / 4.0));
      int cells = 8;
      double cell = size / (double) cells;
      for (int r = 0; r < cells; r++) {
        for (int c = 0; c < cells; c++) {
          double dx = (c + 0.5) / cells - 0.62;
          double dy = (r + 0.5) / cells - 0.40;
          double heat = Math.exp(-(dx * dx + dy * dy) / 0.06);
          g.setColor(new Color(MAP[(int) Math.min(MAP.length - 1, Math.floor(heat * MAP.length))]));
          g.fill(new java.awt.geom.Rectangle2D.Double(c * cell, r * cell, Math.ceil(cell), Math.ceil(cell)));
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }
}
