package camlab.viz;

import camlab.ops.Box;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Pictures of an image and its class map: the grey image, the map blended over it with a colormap,
 * and boxes. Every picture is scaled up by an integer factor with square pixels so 64×64 canvases stay
 * readable.
 */
public final class Overlay {
  /** Green: the true box. */
  public static final Color TRUE_BOX = new Color(0x22dd44);
  /** Red: the box predicted from the map. */
  public static final Color MAP_BOX = new Color(0xff3030);

  private Overlay() {}

  /** A grey image, values in [0, 1] row-major {@code height × width}. */
  public static BufferedImage grey(float[] image, int height, int width, int scale) {
    return blend(image, null, height, width, scale, 0, Colormap.JET);
  }

  /**
   * The map (values in [0, 1], same size as the image) drawn with {@code colormap} over the grey image:
   * {@code colour = (1 − alpha) · grey + alpha · colormap(map)}.
   */
  public static BufferedImage heat(float[] image, float[] map, int height, int width, int scale, float alpha, Colormap colormap) {
    return blend(image, map, height, width, scale, alpha, colormap);
  }

  /** The map on its own (no image), e.g. a raw low-resolution map. */
  public static BufferedImage mapOnly(float[] map, int height, int width, int scale, Colormap colormap) {
    return blend(new float[map.length], map, height, width, scale, 1f, colormap);
  }

  private static BufferedImage blend(float[] image, float[] map, int height, int width, int scale, float alpha, Colormap colormap) {
    if (image.length != height * width || (map != null && map.length != height * width)) {
      throw new IllegalArgumentException("Image and map must both have " + height + "×" + width + " values.");
    }
    BufferedImage out = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float g = Math.max(0, Math.min(1, image[y * width + x]));
        int rgb;
        if (map == null) {
          int level = Math.round(g * 255);
          rgb = (level << 16) | (level << 8) | level;
        } else {
          int heat = colormap.rgb(map[y * width + x]);
          rgb = 0;
          for (int shift = 16; shift >= 0; shift -= 8) {
            float c = (1 - alpha) * g * 255 + alpha * ((heat >> shift) & 0xff);
            rgb |= Math.min(255, Math.round(c)) << shift;
          }
        }
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) out.setRGB(x * scale + dx, y * scale + dy, rgb);
        }
      }
    }
    return out;
  }

  /** Draws {@code box} (pixel coordinates of the unscaled image) as a rectangle, in place. */
  public static BufferedImage drawBox(BufferedImage picture, Box box, int scale, Color color) {
    if (box == null) return picture;
    Graphics2D g = picture.createGraphics();
    try {
      g.setColor(color);
      g.setStroke(new BasicStroke(Math.max(1, scale / 2f)));
      g.drawRect(box.x0() * scale, box.y0() * scale, box.width() * scale - 1, box.height() * scale - 1);
    } finally {
      g.dispose();
    }
    return picture;
  }

  /** PNG bytes of a picture. */
  public static byte[] png(BufferedImage picture) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A {@code data:image/png;base64,...} URI, so an HTML page needs no separate files. */
  public static String dataUri(BufferedImage picture) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(picture));
  }
}
