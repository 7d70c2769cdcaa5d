package camlab.viz;

import camlab.data.FashionMnist;
import camlab.data.LocalizationSet;
import camlab.explain.ActivationMaps;
import camlab.ops.Box;
import camlab.ops.MapBoxes;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Grids of pictures with captions, for notebooks and reports: canvases with their true boxes, and class
 * maps over their images. Everything is a plain {@link BufferedImage}, which the kernel shows inline.
 */
public final class Gallery {
  private static final int CAPTION = 28;
  private static final int GAP = 6;

  private Gallery() {}

  /** Tiles in rows of {@code columns}, each with up to two caption lines underneath. */
  public static BufferedImage grid(List<BufferedImage> tiles, List<String> captions, int columns) {
    if (tiles.isEmpty()) throw new IllegalArgumentException("Nothing to show: the list of pictures is empty.");
    int tileW = tiles.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
    int tileH = tiles.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
    int cols = Math.max(1, Math.min(columns, tiles.size()));
    int rows = (tiles.size() + cols - 1) / cols;
    int captionH = captions == null ? 0 : CAPTION;
    BufferedImage out = new BufferedImage(cols * (tileW + GAP) + GAP, rows * (tileH + captionH + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i < tiles.size(); i++) {
        int x = GAP + (i % cols) * (tileW + GAP);
        int y = GAP + (i / cols) * (tileH + captionH + GAP);
        g.drawImage(tiles.get(i), x, y, null);
        if (captions != null && i < captions.size() && captions.get(i) != null) {
          g.setColor(Color.DARK_GRAY);
          String[] lines = captions.get(i).split("\n", 2);
          for (int l = 0; l < lines.length; l++) g.drawString(fit(lines[l], fm, tileW), x, y + tileH + 12 + 12 * l);
        }
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static String fit(String text, FontMetrics fm, int width) {
    if (fm.stringWidth(text) <= width) return text;
    String t = text;
    while (t.length() > 1 && fm.stringWidth(t + "…") > width) t = t.substring(0, t.length() - 1);
    return t + "…";
  }

  /** Canvases {@code from..from+count-1} of a split with their true boxes (green) and class names. */
  public static BufferedImage samples(LocalizationSet set, int from, int count) {
    List<BufferedImage> tiles = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (int i = from; i < from + count && i < set.size(); i++) {
      LocalizationSet.Sample s = set.get(i);
      tiles.add(Overlay.drawBox(Overlay.grey(s.image(), s.size(), s.size(), 2), s.box(), 2, Overlay.TRUE_BOX));
      captions.add("#" + i + " " + s.className());
    }
    return grid(tiles, captions, 8);
  }

  /**
   * Maps over their canvases: {@code maps} explains samples {@code from..from+B-1} of {@code set}. Each map
   * is upsampled (bilinear) to the canvas and min–max normalised; the true box is green and the box of the
   * largest region above {@code boxThreshold} of the max is red (no box when the threshold is ≤ 0).
   */
  public static BufferedImage overlays(LocalizationSet set, int from, ActivationMaps maps, double boxThreshold) {
    int n = set.canvasSize();
    float[][] host = (maps.height() == n && maps.width() == n ? maps : maps.upsample(n, n))
        .normalize(ActivationMaps.Normalization.MIN_MAX).flatMaps();
    int[] classes = maps.classes();
    List<BufferedImage> tiles = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (int b = 0; b < host.length; b++) {
      LocalizationSet.Sample s = set.get(from + b);
      float[] map = host[b];
      BufferedImage tile = Overlay.drawBox(Overlay.heat(s.image(), map, n, n, 2, 0.5f, Colormap.JET), s.box(), 2, Overlay.TRUE_BOX);
      String iou = "";
      if (boxThreshold > 0) {
        Box box = MapBoxes.largestComponentBox(map, n, n, boxThreshold).orElse(null);
        Overlay.drawBox(tile, box, 2, Overlay.MAP_BOX);
        iou = box == null ? "  no box" : String.format("  IoU %.2f", box.iou(s.box()));
      }
      tiles.add(tile);
      captions.add(s.className() + "\n→ " + FashionMnist.CLASS_NAMES.get(classes[b]) + iou);
    }
    return grid(tiles, captions, 8);
  }

  /** The maps alone, each min–max normalised, at their own resolution scaled up for viewing; classes by number. */
  public static BufferedImage maps(ActivationMaps maps) {
    return maps(maps, null);
  }

  /**
   * The maps alone, each min–max normalised, at their own resolution scaled up for viewing, captioned with the method
   * and the class each map explains.
   *
   * @param classNames names of the model's classes ({@code model.classNames()}), or null to show class numbers
   */
  public static BufferedImage maps(ActivationMaps maps, List<String> classNames) {
    float[][] host = maps.normalize(ActivationMaps.Normalization.MIN_MAX).flatMaps();
    int scale = Math.max(1, 128 / Math.max(maps.height(), maps.width()));
    List<BufferedImage> tiles = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    int[] classes = maps.classes();
    for (int b = 0; b < host.length; b++) {
      tiles.add(Overlay.mapOnly(host[b], maps.height(), maps.width(), scale, Colormap.JET));
      int c = classes[b];
      String name = classNames != null && c >= 0 && c < classNames.size() ? classNames.get(c) : "class " + c;
      captions.add(maps.method() + " #" + b + "\n" + name);
    }
    return grid(tiles, captions, 8);
  }

  /**
   * Pictures stacked as rows, each with its label to the left: one row per layer, per method or per branch, so a
   * figure says which row is which without the text around it.
   *
   * @param labels one per row (a '\n' splits a label over two lines)
   * @param rows the rows, e.g. {@link #overlays} of the same canvases
   */
  public static BufferedImage labelledRows(List<String> labels, List<BufferedImage> rows) {
    if (rows.isEmpty()) throw new IllegalArgumentException("Nothing to show: the list of rows is empty.");
    if (labels.size() != rows.size()) {
      throw new IllegalArgumentException("labelledRows needs one label per row: " + labels.size() + " labels for " + rows.size() + " rows.");
    }
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D measure = scratch.createGraphics();
    FontMetrics fm = measure.getFontMetrics(font);
    int labelWidth = 0;
    for (String label : labels) {
      for (String line : label.split("\n")) labelWidth = Math.max(labelWidth, fm.stringWidth(line));
    }
    measure.dispose();
    labelWidth += 2 * GAP + 4;
    int width = labelWidth + rows.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
    int height = rows.stream().mapToInt(BufferedImage::getHeight).sum() + GAP * (rows.size() - 1);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font);
      int y = 0;
      for (int r = 0; r < rows.size(); r++) {
        BufferedImage row = rows.get(r);
        String[] lines = labels.get(r).split("\n");
        int textTop = y + (row.getHeight() - lines.length * fm.getHeight()) / 2 + fm.getAscent();
        g.setColor(Color.DARK_GRAY);
        for (int l = 0; l < lines.length; l++) g.drawString(lines[l], GAP + 2, textTop + l * fm.getHeight());
        g.drawImage(row, labelWidth, y, null);
        y += row.getHeight() + GAP;
        if (r < rows.size() - 1) {
          g.setColor(new Color(0xDDDDDD));
          g.drawLine(GAP, y - GAP / 2 - 1, width - GAP, y - GAP / 2 - 1);
        }
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
