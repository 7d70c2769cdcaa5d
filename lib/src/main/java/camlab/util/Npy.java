package camlab.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** NumPy {@code .npy} files (format 1.0): float32 arrays in and out, so NumPy and PyTorch can check our maps. */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private Npy() {}

  /** Writes a C-ordered little-endian float32 array of the given shape. */
  public static void writeFloat32(Path file, float[] data, long... shape) throws IOException {
    long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (count != data.length) throw new IllegalArgumentException(data.length + " values do not fill shape " + Arrays.toString(shape));
    String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ")) + (shape.length == 1 ? "," : "");
    StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
    int total = MAGIC.length + 4 + header.length() + 1;
    header.append(" ".repeat((64 - total % 64) % 64)).append('\n'); // pad so the data starts at a multiple of 64
    byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
    out.asFloatBuffer().put(data);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.write(file, out.array());
  }

  /** Writes an NDArray as float32. */
  public static void write(Path file, NDArray array) throws IOException {
    writeFloat32(file, array.toType(DataType.FLOAT32, false).toFloatArray(), array.getShape().getShape());
  }

  /**
   * Reads an {@code .npy} file into {@code manager}.
   *
   * @throws IOException if the file is missing, not an .npy file, or unreadable — the message says which
   */
  public static NDArray read(NDManager manager, Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new IOException(file + " is not a NumPy .npy file (save it with numpy.save)");
    }
    try {
      return NDList.decode(manager, bytes).singletonOrThrow();
    } catch (RuntimeException e) {
      throw new IOException(file + " is a damaged or unsupported .npy file: " + e.getMessage(), e);
    }
  }

}
