package camlab.exercises.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * An NDArray's exact content on the wire: data type, shape and the raw bytes in the machine's byte order
 * (both JVMs run on the same machine). Decoding checks that the bytes match the data type and shape, so a
 * forged frame cannot make the reader allocate more than the frame holds.
 */
public final class ArrayData {
  private ArrayData() {}

  /** The raw bytes of {@code array}, row-major. */
  public static byte[] bytesOf(NDArray array) {
    if (array.size() == 0) return new byte[0];
    return array.toByteArray();
  }

  public static void write(Wire.PayloadWriter out, NDArray array) throws IOException {
    write(out, array.getDataType(), array.getShape(), bytesOf(array));
  }

  public static void write(Wire.PayloadWriter out, DataType type, Shape shape, byte[] bytes) throws IOException {
    out.writeString(type.name());
    out.writeInt(shape.dimension());
    for (long d : shape.getShape()) out.writeLong(d);
    out.writeBytes(bytes);
  }

  /** A decoded array, not yet created in any manager. */
  public record Content(DataType type, Shape shape, byte[] bytes) {
    public NDArray create(NDManager manager) {
      if (bytes.length == 0) return manager.create(shape, type);
      ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
      buffer.put(bytes).rewind();
      return manager.create(buffer, shape, type);
    }

    /** True when {@code array} holds exactly this content. */
    public boolean sameAs(NDArray array) {
      return !array.isReleased() && array.getDataType() == type && array.getShape().equals(shape) && Arrays.equals(bytesOf(array), bytes);
    }

    /** Writes this content into {@code array}, which has the same data type and shape. */
    public void copyInto(NDArray array) {
      if (bytes.length == 0) return;
      ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
      buffer.put(bytes).rewind();
      array.set(buffer);
    }
  }

  public static Content read(Wire.Payload in) throws Wire.ProtocolException {
    String name = in.readString();
    DataType type;
    try {
      type = DataType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new Wire.ProtocolException("an array of unknown data type " + name);
    }
    if (type == DataType.STRING || type == DataType.UNKNOWN || type.getNumOfBytes() <= 0) {
      throw new Wire.ProtocolException("an array of data type " + type + ", which cannot be sent");
    }
    int rank = in.readCount(8);
    if (rank > 16) throw new Wire.ProtocolException("an array of rank " + rank);
    long[] dims = new long[rank];
    long size = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = in.readLong();
      if (dims[i] < 0) throw new Wire.ProtocolException("an array with a negative dimension " + dims[i]);
      size = dims[i] == 0 ? 0 : Math.multiplyExact(size, dims[i]);
      if (size > Wire.MAX_FRAME_BYTES) throw new Wire.ProtocolException("an array of more than " + Wire.MAX_FRAME_BYTES + " elements");
    }
    byte[] bytes = in.readBytes();
    if (bytes.length != size * type.getNumOfBytes()) {
      throw new Wire.ProtocolException("an array " + Arrays.toString(dims) + " of " + type + " with " + bytes.length + " bytes");
    }
    return new Content(type, new Shape(dims), bytes);
  }
}
