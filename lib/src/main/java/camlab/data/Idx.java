package camlab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reader for the IDX format of MNIST and Fashion-MNIST: a big-endian header (magic number, then one
 * 32-bit size per dimension) followed by unsigned bytes.
 */
public final class Idx {
  static final int IMAGES_MAGIC = 0x00000803; // unsigned byte, 3 dimensions
  static final int LABELS_MAGIC = 0x00000801; // unsigned byte, 1 dimension

  private Idx() {}

  /** Images stored row-major as unsigned bytes: image {@code i} is {@code pixels[i*rows*cols ...]}. */
  public record Images(int count, int rows, int cols, byte[] pixels) {
    /** Pixel (r, c) of image i in [0, 255]. */
    public int pixel(int i, int r, int c) {
      return pixels[(i * rows + r) * cols + c] & 0xff;
    }
  }

  public static Images readImages(Path file) throws IOException {
    return readImages(file.toString(), Files.readAllBytes(file));
  }

  /** Parses the contents of an image file; {@code file} names it in error messages. */
  public static Images readImages(String file, byte[] content) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(content);
    checkHeader(file, buf, IMAGES_MAGIC, 16);
    int count = buf.getInt();
    int rows = buf.getInt();
    int cols = buf.getInt();
    long expected = 16L + (long) count * rows * cols;
    if (count < 0 || rows <= 0 || cols <= 0 || buf.capacity() != expected) {
      throw new IOException(file + " is truncated or corrupt: header says " + count + " images of " + rows + "x" + cols
          + " (" + expected + " bytes) but the file has " + buf.capacity() + " bytes.");
    }
    byte[] pixels = new byte[count * rows * cols];
    buf.get(pixels);
    return new Images(count, rows, cols, pixels);
  }

  public static byte[] readLabels(Path file) throws IOException {
    return readLabels(file.toString(), Files.readAllBytes(file));
  }

  /** Parses the contents of a label file; {@code file} names it in error messages. */
  public static byte[] readLabels(String file, byte[] content) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(content);
    checkHeader(file, buf, LABELS_MAGIC, 8);
    int count = buf.getInt();
    if (count < 0 || buf.capacity() != 8L + count) {
      throw new IOException(file + " is truncated or corrupt: header says " + count + " labels but the file has "
          + buf.capacity() + " bytes.");
    }
    byte[] labels = new byte[count];
    buf.get(labels);
    return labels;
  }

  private static void checkHeader(String file, ByteBuffer buf, int magic, int headerBytes) throws IOException {
    if (buf.capacity() < headerBytes) {
      throw new IOException(file + " is too short to be an IDX file (" + buf.capacity() + " bytes).");
    }
    int found = buf.getInt();
    if (found != magic) {
      throw new IOException(String.format("%s is not an IDX %s file: magic number 0x%08x, expected 0x%08x.",
          file, magic == IMAGES_MAGIC ? "image" : "label", found, magic));
    }
  }
}
