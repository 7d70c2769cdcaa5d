package camlab.kernel.display;

import ai.djl.ndarray.NDArray;
import camlab.explain.ActivationMaps;
import camlab.viz.Gallery;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.common.Url;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How the kernel shows values of the course's types: every output is static {@code image/png} or
 * {@code text/html} (no JavaScript, no CDN), with a {@code text/plain} twin.
 *
 * <p>{@code BufferedImage} (any {@link RenderedImage}) is already rendered as PNG by the base kernel; its text twin is
 * added here.
 *
 * <p><b>Adding a type</b> (e.g. a library class such as {@code camlab.explain.ActivationMaps}): write one
 * {@code registerX(Renderer)} method below and call it from {@link #registerAll}; reuse {@link #png} for
 * images, {@link Heatmap} for maps and {@link TableHtml} for tables. Notebooks can do the same at run time
 * through {@code Display.renderer()}. A renderer's exception becomes a note on stderr and the value is shown
 * as text, so a broken renderer never fails a cell.
 */
public final class Renderers {
  private Renderers() {}

  /** The kernel's renderer: the base kernel's images, URLs and text, arrays as text, and the types below. */
  public static Renderer standard() {
    Renderer r = new CourseRenderer();
    Image.registerAll(r);
    Url.registerAll(r);
    Text.registerAll(r);
    registerAll(r);
    return r;
  }

  public static void registerAll(Renderer r) {
    registerImageText(r);
    registerCharts(r);
    registerTables(r);
    registerNDArrays(r);
    registerDjlImages(r);
    registerActivationMaps(r);
  }

  /**
   * A short, stable text twin for images, {@code <image 1078×330>}: saved notebooks would otherwise store the
   * image's toString() (its identity and colour model), which changes every run.
   */
  static void registerImageText(Renderer r) {
    r.createRegistration(RenderedImage.class).supporting(MIMEType.TEXT_PLAIN).register((image, ctx) ->
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> imageText(image.getWidth(), image.getHeight())));
  }

  static String imageText(int width, int height) {
    return "<image " + width + "×" + height + ">";
  }

  /** The library's map results: a grid of the maps (each min–max normalised), with the method and classes as text. */
  static void registerActivationMaps(Renderer r) {
    r.createRegistration(ActivationMaps.class).preferring(MIMEType.IMAGE_PNG).register((maps, ctx) -> {
      ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(Gallery.maps(maps)));
      ctx.getOutputContainer().putText(maps.toString());
    });
  }

  /** XChart charts (XYChart, CategoryChart, HeatMapChart, ...) as PNG. */
  static void registerCharts(Renderer r) {
    r.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG).register((chart, ctx) -> {
      ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> {
        try {
          return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " \"" + chart.getTitle() + "\"";
      ctx.getOutputContainer().putText(chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "×" + chart.getHeight() + ")");
    });
  }

  /** Tablesaw tables as an HTML table (long ones shortened). */
  static void registerTables(Renderer r) {
    r.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN).register((table, ctx) -> {
      ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.render(table));
      ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print());
    });
  }

  /** DJL arrays: map-like ones as a heatmap with a colour bar, all as text. */
  static void registerNDArrays(Renderer r) {
    r.createRegistration(NDArray.class).preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN).register((array, ctx) -> {
      float[] values = NDArrayView.isMap(array) ? NDArrayView.floats(array) : null;
      if (values != null && ctx.wantsDataRenderedAs(MIMEType.IMAGE_PNG)) {
        ctx.getOutputContainer().putData(MIMEType.IMAGE_PNG, png(NDArrayView.heatmap(array, values)));
      }
      ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> NDArrayView.text(array, values));
    });
  }

  /** DJL's {@code ai.djl.modality.cv.Image} (backed by a BufferedImage on this platform) as PNG. */
  static void registerDjlImages(Renderer r) {
    r.createRegistration(ai.djl.modality.cv.Image.class).preferring(MIMEType.IMAGE_PNG).register((image, ctx) -> {
      if (image.getWrappedImage() instanceof RenderedImage wrapped) Image.renderImage(wrapped, ctx);
      ctx.getOutputContainer().putText(imageText(image.getWidth(), image.getHeight()));
    });
  }

  /** {@code image} as base64 PNG, the form Jupyter wants for {@code image/png}. */
  public static String png(java.awt.image.BufferedImage image) {
    return Base64.getEncoder().encodeToString(camlab.viz.Overlay.png(image));
  }
}
