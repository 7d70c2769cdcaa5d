package camlab.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.common.Url;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * How the kernel shows the JDK's values: every output is static ({@code image/png} or text, no JavaScript), with a
 * {@code text/plain} twin. {@code BufferedImage} (any {@link RenderedImage}) is rendered as PNG by the base kernel; its
 * short text twin is added here. Arrays are shown as jshell writes them ({@link ArrayText}).
 *
 * <p><b>Adding a type</b>: an extension registers it in {@code Extension.registerRenderers} (a notebook can do the same
 * through {@code Display.renderer()}), e.g.
 * {@code renderer.createRegistration(MyType.class).preferring(MIMEType.IMAGE_PNG).register((v, ctx) ->
 * ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Renderers.png(draw(v))))}. A renderer's exception becomes a note on
 * stderr and the value is shown as text, so a broken renderer never fails a cell.
 */
public final class Renderers {
  private Renderers() {}

  /** The kernel's renderer: the base kernel's images, URLs and text, arrays as text, and images' text twin. */
  public static Renderer standard() {
    Renderer r = new ArrayAwareRenderer();
    Image.registerAll(r);
    Url.registerAll(r);
    Text.registerAll(r);
    registerImageText(r);
    return r;
  }

  /**
   * A short, stable text twin for images, {@code <image 1078×330>}: saved notebooks would otherwise store the
   * image's toString() (its identity and colour model), which changes every run.
   */
  static void registerImageText(Renderer r) {
    r.createRegistration(RenderedImage.class).supporting(MIMEType.TEXT_PLAIN).register((image, ctx) ->
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> imageText(image.getWidth(), image.getHeight())));
  }

  /** {@code <image 1078×330>}: the text twin of an image, for renderers of other image types too. */
  public static String imageText(int width, int height) {
    return "<image " + width + "×" + height + ">";
  }

  /** {@code image} as base64 PNG, the form Jupyter wants for {@code image/png}. */
  public static String png(RenderedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", bytes)) throw new IllegalArgumentException("no PNG writer for " + image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
