package camlab.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy {@code .npy} files, so NumPy and PyTorch can feed and check our maps.
 *
 * <p>Reading follows the format (versions 1.0–3.0): little- and big-endian data ({@code <}, {@code >}, and
 * {@code |} for one-byte types), C and Fortran order, and the numeric types float16/32/64, int8/32/64, uint8 and
 * bool; the array comes back in C order with the values NumPy would show. Anything else — other integer widths,
 * complex numbers, strings, Python objects, structured arrays — is refused with a message that names it and says
 * how to convert it, as is a file that is truncated or longer than its header says. Nothing is ever read
 * approximately. Writing produces little-endian float32 in C order, atomically ({@link AtomicFile}).
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** Bytes read and handed to the engine at a time: a bounded direct buffer, whatever the file's size. */
  static final int CHUNK_BYTES = 64 << 20;

  private Npy() {}

  /** Writes a C-ordered little-endian float32 array of the given shape. */
  public static void writeFloat32(Path file, float[] data, long... shape) throws IOException {
    long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (count != data.length) throw new IllegalArgumentException(data.length + " values do not fill shape " + Arrays.toString(shape));
    byte[] header = header("<f4", shape);
    ByteBuffer values = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    values.asFloatBuffer().put(data);
    AtomicFile.write(file, out -> {
      out.write(header);
      out.write(values.array());
    });
  }

  /** Writes an NDArray as float32. */
  public static void write(Path file, NDArray array) throws IOException {
    writeFloat32(file, array.toType(DataType.FLOAT32, false).toFloatArray(), array.getShape().getShape());
  }

  /** Magic, version 1.0, the header dict padded so the data starts at a multiple of 64. */
  private static byte[] header(String descr, long[] shape) {
    String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ")) + (shape.length == 1 ? "," : "");
    StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }");
    int total = MAGIC.length + 4 + dict.length() + 1;
    dict.append(" ".repeat((64 - total % 64) % 64)).append('\n');
    byte[] h = dict.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + h.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
    return out.array();
  }

  /**
   * Reads a whole {@code .npy} file into {@code manager}, in C order and the machine's byte order.
   *
   * @throws IOException if the file is missing, not an .npy file, damaged, or of a kind this reader refuses — the
   *     message names the file, says which, and how to convert it
   */
  public static NDArray read(NDManager manager, Path file) throws IOException {
    try (Reader reader = open(file)) {
      return reader.readAll(manager);
    }
  }

  /** Opens an {@code .npy} file and checks its header, its type and its length; no data is read yet. */
  public static Reader open(Path file) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + " (" + AtomicFile.reason(e) + ")", e);
    }
    try {
      return new Reader(file, channel, NpyHeader.read(file, channel));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** An open {@code .npy} file: its header, and its data read whole or in slices along the first axis. */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final NpyHeader header;

    private Reader(Path file, FileChannel channel, NpyHeader header) {
      this.file = file;
      this.channel = channel;
      this.header = header;
    }

    public Shape shape() {
      return new Shape(header.shape());
    }

    public DataType dataType() {
      return header.dataType();
    }

    /** "float32 (big-endian), Fortran order": what the file holds, in words. */
    public String describe() {
      return header.describe();
    }

    /** The bytes one entry along the first axis takes in memory (the whole array for a scalar). */
    public long bytesPerItem() {
      long[] shape = header.shape();
      return shape.length == 0 ? header.itemSize() : header.bytes() / Math.max(1, shape[0]);
    }

    /** The whole array. */
    public NDArray readAll(NDManager manager) throws IOException {
      return readAll(manager, CHUNK_BYTES);
    }

    /** The whole array, read {@code chunkBytes} at a time. */
    NDArray readAll(NDManager manager, int chunkBytes) throws IOException {
      long[] shape = header.shape();
      if (!header.fortranOrder() || shape.length < 2) return readFlat(manager, 0, header.count(), chunkBytes).reshape(new Shape(shape));
      long[] reversed = new long[shape.length];
      int[] axes = new int[shape.length];
      for (int i = 0; i < shape.length; i++) {
        reversed[i] = shape[shape.length - 1 - i];
        axes[i] = shape.length - 1 - i;
      }
      // Fortran order is the C order of the reversed shape; transposing it back gives the array NumPy shows
      NDArray stored = readFlat(manager, 0, header.count(), chunkBytes).reshape(new Shape(reversed));
      NDArray array = stored.transpose(axes).duplicate();
      stored.close();
      return array;
    }

    /**
     * Entries {@code [from, to)} along the first axis, as one array of shape {@code [to - from, ...]} in C order.
     * Reads only those bytes, so a batch larger than memory can be processed a slice at a time.
     */
    public NDArray read(NDManager manager, long from, long to) throws IOException {
      long[] shape = header.shape();
      if (shape.length == 0 || from < 0 || to > shape[0] || from >= to) {
        throw new IllegalArgumentException("Cannot read entries [" + from + ", " + to + ") of " + file + " " + shape());
      }
      long rest = header.count() / shape[0];
      Shape sliceShape = new Shape(to - from).addAll(new Shape(Arrays.copyOfRange(shape, 1, shape.length)));
      if (!header.fortranOrder() || shape.length < 2) return readFlat(manager, from * rest, to * rest, CHUNK_BYTES).reshape(sliceShape);
      return manager.create(gatherFortranSlice(from, to, rest), sliceShape, header.dataType());
    }

    /** Elements {@code [from, to)} of the file's data, in file order, as a 1-D array; chunked so no buffer exceeds {@code chunkBytes}. */
    private NDArray readFlat(NDManager manager, long from, long to, int chunkBytes) throws IOException {
      int size = header.itemSize();
      long perChunk = Math.max(1, chunkBytes / size);
      if (to - from <= perChunk) return manager.create(readBytes(from, to), new Shape(to - from), header.dataType());
      try (NDManager scope = manager.newSubManager()) {
        NDList chunks = new NDList();
        for (long start = from; start < to; start += perChunk) {
          long end = Math.min(to, start + perChunk);
          chunks.add(scope.create(readBytes(start, end), new Shape(end - start), header.dataType()));
        }
        NDArray whole = NDArrays.concat(chunks);
        whole.attach(manager);
        return whole;
      }
    }

    /** Elements {@code [from, to)} into a direct buffer in the machine's byte order. */
    private ByteBuffer readBytes(long from, long to) throws IOException {
      int size = header.itemSize();
      ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact((to - from) * size));
      readFully(buffer, header.dataOffset() + from * size);
      buffer.flip();
      return toNativeOrder(buffer);
    }

    /**
     * Fortran order keeps the first axis fastest: for each position of the other axes, entries {@code [from, to)}
     * lie side by side. Gathers them into C order: {@code dst[n, rest...] = src[from + n + N * fortranIndex(rest...)]}.
     */
    private ByteBuffer gatherFortranSlice(long from, long to, long rest) throws IOException {
      long[] shape = header.shape();
      int size = header.itemSize();
      int n = Math.toIntExact(to - from);
      ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(n * rest * size));
      ByteBuffer run = ByteBuffer.allocate(n * size);
      int[] index = new int[shape.length]; // the other axes' index, in Fortran order (axis 1 fastest)
      long[] cStride = new long[shape.length];
      cStride[shape.length - 1] = 1;
      for (int a = shape.length - 2; a >= 1; a--) cStride[a] = cStride[a + 1] * shape[a + 1];
      for (long r = 0; r < rest; r++) {
        run.clear();
        readFully(run, header.dataOffset() + (r * shape[0] + from) * size);
        long c = 0;
        for (int a = 1; a < shape.length; a++) c += index[a] * cStride[a];
        for (int i = 0; i < n; i++) out.put(Math.toIntExact((i * rest + c) * size), run.array(), i * size, size);
        for (int a = 1; a < shape.length && ++index[a] == shape[a]; a++) index[a] = 0;
      }
      return toNativeOrder(out);
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
      long at = position;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, at);
        if (read < 0) throw new IOException(file + " ended early while reading; it may have been truncated since it was opened.");
        at += read;
      }
    }

    /** Swaps each element's bytes in place when the file's byte order is not the machine's. */
    private ByteBuffer toNativeOrder(ByteBuffer buffer) {
      ByteOrder fileOrder = header.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      buffer.order(ByteOrder.nativeOrder());
      if (header.itemSize() == 1 || fileOrder == ByteOrder.nativeOrder()) return buffer;
      ByteBuffer in = buffer.duplicate().order(fileOrder);
      switch (header.itemSize()) {
        case 2 -> {
          for (int i = 0; i < buffer.limit(); i += 2) buffer.putShort(i, in.getShort(i));
        }
        case 4 -> {
          for (int i = 0; i < buffer.limit(); i += 4) buffer.putInt(i, in.getInt(i));
        }
        case 8 -> {
          for (int i = 0; i < buffer.limit(); i += 8) buffer.putLong(i, in.getLong(i));
        }
        default -> throw new IllegalStateException("no byte swap for " + header.itemSize() + "-byte items");
      }
      return buffer;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
