package camlab.course.display;

import ai.djl.ndarray.NDArray;
import camlab.explain.ActivationMaps;
import camlab.kernel.display.Renderers;
import camlab.viz.Gallery;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How the kernel shows the types the course works with: XChart charts, Tablesaw tables, DJL arrays and images, and
 * the library's activation maps. Every output is static {@code image/png} or {@code text/html} (no JavaScript, no CDN),
 * with a short {@code text/plain} twin.
 *
 * <p><b>Adding a type</b>: write one {@code registerX(Renderer)} method below and call it from {@link #registerAll};
 * reuse {@link Renderers#png} for images, {@link Heatmap} for maps and {@link TableHtml} for tables.
 */
public final class CourseRenderers {
  private CourseRenderers() {}

  public static void registerAll(Renderer r) {
    registerCharts(r);
    registerTables(r);
    registerNDArrays(r);
    registerDjlImages(r);
    registerActivationMaps(r);
  }

  /** The library's map results: a grid of the maps (each min–max normalised), with the method and classes as text. */
  static void registerActivationMaps(Renderer r) {
    r.createRegistration(ActivationMaps.class).preferring(MIMEType.IMAGE_PNG).register((maps, ctx) -> {
      ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Renderers.png(Gallery.maps(maps)));
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
        ctx.getOutputContainer().putData(MIMEType.IMAGE_PNG, Renderers.png(NDArrayView.heatmap(array, values)));
      }
      ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> NDArrayView.text(array, values));
    });
  }

  /** DJL's {@code ai.djl.modality.cv.Image} (backed by a BufferedImage on this platform) as PNG. */
  static void registerDjlImages(Renderer r) {
    r.createRegistration(ai.djl.modality.cv.Image.class).preferring(MIMEType.IMAGE_PNG).register((image, ctx) -> {
      if (image.getWrappedImage() instanceof RenderedImage wrapped) Image.renderImage(wrapped, ctx);
      ctx.getOutputContainer().putText(Renderers.imageText(image.getWidth(), image.getHeight()));
    });
  }
}
