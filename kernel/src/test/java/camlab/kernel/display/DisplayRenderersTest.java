package camlab.kernel.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.runtime.Display;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The kernel's own renderers: the JDK's values (images, arrays, text). */
class DisplayRenderersTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  private static byte[] pngBytes(DisplayData d) {
    return Base64.getDecoder().decode(d.getData(MIMEType.IMAGE_PNG).toString());
  }

  @Test
  void nullIsShownAsText() {
    assertEquals("null", Display.render(null).getData(MIMEType.TEXT_PLAIN));
    assertEquals("null", Display.render(null, "text/html").getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void imagesBecomePng() {
    DisplayData img = Display.render(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
    assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(pngBytes(img), 4));
  }

  @Test
  void pngKeepsThePixels() throws Exception {
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    img.setRGB(2, 1, 0x12ab34);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(Renderers.png(img))));
    assertEquals(3, back.getWidth());
    assertEquals(0x12ab34, back.getRGB(2, 1) & 0xffffff);
  }

  @Test
  void arraysReadAsJshellWritesThem() {
    assertEquals("int[3] { 1, 2, 3 }", ArrayText.format(new int[] {1, 2, 3}));
    assertEquals("String[2] { \"a\", null }", ArrayText.format(new String[] {"a", null}));
    assertEquals("char[2] { 'x', '\\n' }", ArrayText.format(new char[] {'x', '\n'}));
    assertEquals("int[2][] { int[2] { 1, 2 }, int[0] {} }", ArrayText.format(new int[][] {{1, 2}, {}}));
    assertEquals("double[1] { 0.5 }", ArrayText.format(new double[] {0.5}));
    String longArray = ArrayText.format(new float[250]);
    assertTrue(longArray.startsWith("float[250] { 0.0, 0.0,") && longArray.endsWith(", 0.0, … 150 more }"), longArray);
    Renderer r = Renderers.standard();
    assertEquals("long[2] { 7, 8 }", r.render(new long[] {7, 8}).getData(MIMEType.TEXT_PLAIN));
    assertEquals("Object[1] { x }", r.renderAs(new Object[] {"x"}, "text/plain").getData(MIMEType.TEXT_PLAIN).toString()
        .replace("\"x\"", "x"));
  }

  @Test
  void imagesHaveAShortStableTextForm() {
    DisplayData d = Renderers.standard().render(new BufferedImage(1078, 330, BufferedImage.TYPE_INT_RGB));
    assertEquals("<image 1078×330>", d.getData(MIMEType.TEXT_PLAIN));
    assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(pngBytes(d), 4));
    DisplayData asked = Renderers.standard().renderAs(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "image/png");
    assertEquals("<image 4×3>", asked.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void outsideAKernelTheExtensionsOnTheClassPathRenderToo() {
    assertEquals("<b>3</b>", Display.render(new camlab.kernel.TestExtension.Badge(3)).getData(MIMEType.TEXT_HTML));
  }
}
