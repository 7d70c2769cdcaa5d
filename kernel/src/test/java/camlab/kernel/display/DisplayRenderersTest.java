package camlab.kernel.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import camlab.kernel.runtime.Display;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DisplayRenderersTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  private static byte[] pngBytes(DisplayData d) {
    return Base64.getDecoder().decode(d.getData(MIMEType.IMAGE_PNG).toString());
  }

  @Test
  void mapLikeShapesBecomeHeatmaps() {
    assertArrayEquals(new int[] {7, 7}, NDArrayView.mapSize(new Shape(7, 7)));
    assertArrayEquals(new int[] {28, 28}, NDArrayView.mapSize(new Shape(1, 28, 28)));
    assertArrayEquals(new int[] {14, 9}, NDArrayView.mapSize(new Shape(1, 1, 14, 9)));
    assertNull(NDArrayView.mapSize(new Shape(3, 3)), "a 3x3 kernel reads better as numbers");
    assertNull(NDArrayView.mapSize(new Shape(10)));
    assertNull(NDArrayView.mapSize(new Shape(2, 8, 8)), "a batch of maps is not one map");
  }

  @Test
  void heatmapColoursRunFromMinToMaxWithAColourBar() {
    float[] values = new float[8 * 8];
    for (int i = 0; i < values.length; i++) values[i] = i;
    values[1] = Float.NaN;
    BufferedImage img = Heatmap.render(values, 8, 8, "(8, 8) float32");
    int cell = 288 / 8;
    int first = img.getRGB(8 + cell / 2, 22 + cell / 2) & 0xffffff;
    int lastCell = img.getRGB(8 + 7 * cell + cell / 2, 22 + 7 * cell + cell / 2) & 0xffffff;
    int nan = img.getRGB(8 + cell + cell / 2, 22 + cell / 2) & 0xffffff;
    assertEquals(Colormap.rgb(0), first);
    assertEquals(Colormap.rgb(1), lastCell);
    assertEquals(0x9e9e9e, nan);
    assertTrue(img.getWidth() > 8 * cell + 60, "room for the colour bar and its labels");
    assertArrayEquals(new double[] {0, 63}, Heatmap.range(values));
    assertEquals("1.00e-04", Heatmap.label(1e-4));
    assertEquals("63", Heatmap.label(63));
    assertEquals("0.25", Heatmap.label(0.25));
  }

  @Test
  void aConstantMapIsDrawnInOneColour() {
    BufferedImage img = Heatmap.render(new float[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, 4, 4, "const");
    assertEquals(img.getRGB(10, 30), img.getRGB(8 + 287, 22 + 287));
  }

  @Test
  void tablesBecomeStaticEscapedHtmlShortenedWhenLong() {
    double[] xs = new double[50];
    String[] names = new String[50];
    for (int i = 0; i < 50; i++) {
      xs[i] = i / 2.0;
      names[i] = i == 3 ? "<b>bold</b>" : "row" + i;
    }
    Table t = Table.create("scores", StringColumn.create("name", names), DoubleColumn.create("x", xs));
    String html = TableHtml.render(t);
    assertTrue(html.startsWith("<table class=\"dataframe\""));
    assertTrue(html.contains("<b>scores</b> · 50 rows × 2 columns"));
    assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"));
    assertTrue(html.contains("<th>9</th>") && !html.contains("<th>10</th>") && html.contains("<th>…</th>") && html.contains("<th>49</th>"));
    assertFalse(html.toLowerCase().contains("<script"));
    DisplayData d = Display.render(t);
    assertTrue(d.getData(MIMEType.TEXT_HTML).toString().contains("dataframe"));
    assertTrue(d.getData(MIMEType.TEXT_PLAIN).toString().contains("scores"));
  }

  @Test
  void nullIsShownAsText() {
    assertEquals("null", Display.render(null).getData(MIMEType.TEXT_PLAIN));
    assertEquals("null", Display.render(null, "text/html").getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void chartsAndImagesBecomePng() {
    XYChart chart = new XYChartBuilder().width(300).height(200).title("loss").build();
    chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
    DisplayData c = Display.render(chart);
    assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(pngBytes(c), 4));
    assertEquals("XYChart \"loss\" (300×200)", c.getData(MIMEType.TEXT_PLAIN));
    DisplayData img = Display.render(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
    assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(pngBytes(img), 4));
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
}
