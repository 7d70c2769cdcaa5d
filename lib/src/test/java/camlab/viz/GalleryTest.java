package camlab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class GalleryTest {

  private static BufferedImage filled(int w, int h, Color c) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  @Test
  void labelledRowsPutEachRowRightOfItsLabelColumn() {
    BufferedImage red = filled(100, 20, Color.RED);
    BufferedImage blue = filled(80, 30, Color.BLUE);
    BufferedImage out = Gallery.labelledRows(List.of("conv1", "conv4 (last)"), List.of(red, blue));
    int labelWidth = out.getWidth() - 100;
    assertTrue(labelWidth > 40, "room for the longer label: " + labelWidth);
    assertEquals(20 + 6 + 30, out.getHeight(), "rows stacked with one gap between them");
    assertEquals(Color.RED.getRGB(), out.getRGB(labelWidth + 50, 10), "the first row, right of the labels");
    assertEquals(Color.BLUE.getRGB(), out.getRGB(labelWidth + 40, 26 + 15), "the second row, under the first");
    boolean labelInk = false;
    for (int x = 0; x < labelWidth; x++) {
      for (int y = 0; y < 20; y++) labelInk |= out.getRGB(x, y) != Color.WHITE.getRGB();
    }
    assertTrue(labelInk, "the first label is drawn beside its row");
    assertThrows(IllegalArgumentException.class, () -> Gallery.labelledRows(List.of("one"), List.of(red, blue)));
  }
}
