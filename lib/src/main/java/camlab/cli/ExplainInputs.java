package camlab.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import camlab.util.Npy;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * The images {@code camlab explain} explains, read a slice at a time so that a batch larger than memory is
 * explained in chunks: an {@code .npy} batch ({@code --input}) or image files ({@code --image}). Both are checked
 * when opened — shape and type, or that each file is an image — before any model is loaded.
 */
sealed interface ExplainInputs extends AutoCloseable {
  /** Number of images. */
  long count();

  /** One image, {@code [C, H, W]}; null for image files until {@link #ofImages} knows the model's. */
  Shape imageShape();

  /** Images {@code [from, to)} as a float32 {@code [to - from, C, H, W]} array in {@code manager}. */
  NDArray read(NDManager manager, long from, long to) throws IOException;

  /** What was given, for messages. */
  String describe();

  @Override
  void close() throws IOException;

  /** An {@code .npy} batch: checked to be float32 {@code [N, C, H, W]}, in either byte order and memory order. */
  static ExplainInputs ofNpy(Path file) throws IOException {
    Npy.Reader reader = Npy.open(file);
    try {
      if (reader.shape().dimension() != 4) {
        throw new Args.UsageException(file + " has shape " + reader.shape() + "; --input needs a float32 batch [N, C, H, W].");
      }
      if (reader.dataType() != DataType.FLOAT32) {
        throw new Args.UsageException(file + " holds " + reader.describe() + "; --input needs float32 (numpy: x.astype(np.float32)).");
      }
      if (reader.shape().get(0) == 0) throw new Args.UsageException(file + " holds no images (shape " + reader.shape() + ").");
      return new NpyBatch(file, reader);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Image files, each checked to be a PNG, JPEG, GIF or BMP; their size is the model's, set by {@link #sizedFor}. */
  static ImageFiles ofImages(List<Path> files) {
    for (Path file : files) {
      boolean image;
      try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
        image = in != null && ImageIO.getImageReaders(in).hasNext();
      } catch (IOException e) {
        image = false;
      }
      if (!Files.isRegularFile(file) || !image) throw new Args.UsageException("cannot read " + file + " as an image (PNG, JPEG, GIF or BMP).");
    }
    return new ImageFiles(files, null);
  }

  record NpyBatch(Path file, Npy.Reader reader) implements ExplainInputs {
    @Override
    public long count() {
      return reader.shape().get(0);
    }

    @Override
    public Shape imageShape() {
      return reader.shape().slice(1);
    }

    @Override
    public NDArray read(NDManager manager, long from, long to) throws IOException {
      return reader.read(manager, from, to);
    }

    @Override
    public String describe() {
      return file.toString();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** PNG/JPEG files, resized to H×W (bilinear), grey or RGB to match C, scaled to [0, 1]. */
  record ImageFiles(List<Path> files, Shape imageShape) implements ExplainInputs {
    ImageFiles sizedFor(Shape modelInput) {
      long c = modelInput.get(0);
      if (c != 1 && c != 3) throw new Args.UsageException("--image works for models with 1 or 3 input channels; this one has " + c + ". Use --input.");
      return new ImageFiles(files, modelInput);
    }

    @Override
    public long count() {
      return files.size();
    }

    @Override
    public String describe() {
      return files.size() == 1 ? files.get(0).toString() : files.size() + " images";
    }

    @Override
    public NDArray read(NDManager manager, long from, long to) {
      int c = (int) imageShape.get(0);
      int h = (int) imageShape.get(1);
      int w = (int) imageShape.get(2);
      int n = (int) (to - from);
      float[] data = new float[n * c * h * w];
      for (int i = 0; i < n; i++) {
        Path file = files.get((int) from + i);
        BufferedImage image;
        try {
          image = ImageIO.read(file.toFile());
        } catch (IOException e) {
          image = null;
        }
        if (image == null) throw new Args.UsageException("cannot read " + file + " as an image (PNG, JPEG, GIF or BMP).");
        BufferedImage resized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int rgb = resized.getRGB(x, y);
            float r = ((rgb >> 16) & 0xff) / 255f;
            float gr = ((rgb >> 8) & 0xff) / 255f;
            float b = (rgb & 0xff) / 255f;
            int base = i * c * h * w + y * w + x;
            if (c == 1) {
              data[base] = 0.299f * r + 0.587f * gr + 0.114f * b;
            } else {
              data[base] = r;
              data[base + h * w] = gr;
              data[base + 2 * h * w] = b;
            }
          }
        }
      }
      return manager.create(data, new Shape(n, c, h, w));
    }

    @Override
    public void close() {}
  }
}
