package camlab.course.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.explain.ActivationMaps;
import camlab.kernel.runtime.Display;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The course's renderers, found through the extension as the kernel finds them ({@link Display#render}). */
class CourseRenderersTest {
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
    assertEquals(camlab.viz.Colormap.VIRIDIS.rgb(0f), first, "the library's viridis, as its overlays use");
    assertEquals(camlab.viz.Colormap.VIRIDIS.rgb(1f), lastCell);
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
  void chartsBecomePngWithAShortText() {
    XYChart chart = new XYChartBuilder().width(300).height(200).title("loss").build();
    chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
    DisplayData c = Display.render(chart);
    assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(pngBytes(c), 4));
    assertEquals("XYChart \"loss\" (300×200)", c.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void arraysAreHeatmapsWhenMapLikeAndTextAlways() {
    try (NDManager nd = NDManager.newBaseManager()) {
      DisplayData map = Display.render(nd.arange(64f).reshape(1, 8, 8));
      assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(pngBytes(map), 4));
      assertTrue(map.getData(MIMEType.TEXT_PLAIN).toString().endsWith("min 0, max 63"), map.getData(MIMEType.TEXT_PLAIN).toString());
      DisplayData small = Display.render(nd.arange(3f));
      assertNull(small.getData(MIMEType.IMAGE_PNG));
      assertTrue(small.getData(MIMEType.TEXT_PLAIN).toString().contains("ND: (3) cpu() float32"));
    }
  }

  @Test
  void activationMapsBecomeAGalleryWithTheirDescriptionAsText() {
    try (NDManager nd = NDManager.newBaseManager()) {
      NDArray maps = nd.arange(2 * 7 * 7f).reshape(2, 7, 7);
      ActivationMaps am = new ActivationMaps("CAM", maps, new int[] {3, 8}, nd.zeros(new Shape(2, 10)));
      DisplayData d = Display.render(am);
      assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(pngBytes(d), 4));
      assertEquals(am.toString(), d.getData(MIMEType.TEXT_PLAIN));
    }
  }
}
