package camlab.exercises.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The frames exchanged between the grading JVM and a cell JVM over the cell JVM's standard input and output.
 *
 * <p>A frame is {@code MAGIC, type, length, payload}. The grading JVM trusts nothing a cell JVM sends once the
 * cell's code has run: every length is checked against the frame, and a frame larger than
 * {@link #MAX_FRAME_BYTES} or without the magic is a {@link ProtocolException}, never an allocation.
 */
public final class Wire {
  /** "CAML": a frame that does not start with it means something else wrote into the channel. */
  static final int MAGIC = 0x43414D4C;
  /** The largest frame either side accepts: exercise results are small, so this only stops abuse. */
  public static final int MAX_FRAME_BYTES = 64 << 20;

  /** What a frame means. Requests go from the grading JVM to the cell JVM, the rest come back. */
  public enum Type {
    /** Request to a compiler JVM: compile a cell (its signature and source). */
    COMPILE,
    /** Reply: the cell's class files and its line mapping. */
    COMPILED,
    /** Reply: the cell does not compile or lacks the method; a one-line message and details. */
    REJECTED,
    /** Request to a cell JVM: load a cell's checked class files under a key and create its instance (initializers run now). */
    LOAD,
    /** Reply: the cell is loaded; calls may follow. */
    READY,
    /** Reply: creating the cell's instance threw (a {@link Thrown}). */
    INIT_FAILED,
    /** Request: call a loaded cell's method (its key, the test number, the arguments). */
    CALL,
    /** Reply: the call returned (the result, then every argument as it is after the call). */
    RETURNED,
    /** Reply: the call threw (a {@link Thrown}). */
    THREW,
    /** Reply, unrequested: the cell called System.exit; where it was called. */
    EXIT,
    /** Request: stop now. */
    BYE,
    /** Request to a cell JVM: forget a loaded cell (its class loader, its instance). */
    UNLOAD,
    /** Reply: forgotten; how many threads the cell started are still running. */
    UNLOADED
  }

  /** One frame as read. */
  public record Frame(Type type, byte[] payload) {
    public Payload reader() {
      return new Payload(payload);
    }
  }

  private Wire() {}

  /** Writes one frame and flushes; callers serialise writes to one stream. */
  public static void write(DataOutputStream out, Type type, byte[] payload) throws IOException {
    out.writeInt(MAGIC);
    out.writeByte(type.ordinal());
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  /** Reads one frame; {@link EOFException} when the other side has ended. */
  public static Frame read(DataInputStream in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) throw new ProtocolException("the grading channel holds bytes that are not a frame (0x" + Integer.toHexString(magic) + ")");
    int type = in.readUnsignedByte();
    if (type >= Type.values().length) throw new ProtocolException("unknown frame type " + type);
    int length = in.readInt();
    if (length < 0 || length > MAX_FRAME_BYTES) {
      throw new ProtocolException("a frame of " + length + " bytes (at most " + MAX_FRAME_BYTES + " are accepted)");
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame(Type.values()[type], payload);
  }

  /** Builds a payload. */
  public static final class PayloadWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    public PayloadWriter writeInt(int v) throws IOException {
      out.writeInt(v);
      return this;
    }

    public PayloadWriter writeLong(long v) throws IOException {
      out.writeLong(v);
      return this;
    }

    public PayloadWriter writeByte(int v) throws IOException {
      out.writeByte(v);
      return this;
    }

    public PayloadWriter writeBoolean(boolean v) throws IOException {
      out.writeBoolean(v);
      return this;
    }

    public PayloadWriter writeFloat(float v) throws IOException {
      out.writeFloat(v);
      return this;
    }

    public PayloadWriter writeDouble(double v) throws IOException {
      out.writeDouble(v);
      return this;
    }

    public PayloadWriter writeString(String s) throws IOException {
      return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public PayloadWriter writeBytes(byte[] b) throws IOException {
      out.writeInt(b.length);
      out.write(b);
      return this;
    }

    /** The raw stream, for bulk primitive data. */
    public OutputStream stream() {
      return out;
    }

    public byte[] toByteArray() throws IOException {
      out.flush();
      return bytes.toByteArray();
    }
  }

  /** Reads a payload; every length is checked against what is left, so a forged length fails instead of allocating. */
  public static final class Payload {
    private final byte[] data;
    private int position;

    Payload(byte[] data) {
      this.data = data;
    }

    public int remaining() {
      return data.length - position;
    }

    private void need(long n) throws ProtocolException {
      if (n < 0 || n > remaining()) throw new ProtocolException("a frame ends early (needs " + n + " more bytes, has " + remaining() + ")");
    }

    public int readByte() throws ProtocolException {
      need(1);
      return data[position++] & 0xFF;
    }

    public boolean readBoolean() throws ProtocolException {
      return readByte() != 0;
    }

    public int readInt() throws ProtocolException {
      need(4);
      int v = ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16) | ((data[position + 2] & 0xFF) << 8)
          | (data[position + 3] & 0xFF);
      position += 4;
      return v;
    }

    public long readLong() throws ProtocolException {
      long high = readInt() & 0xFFFFFFFFL;
      long low = readInt() & 0xFFFFFFFFL;
      return (high << 32) | low;
    }

    public float readFloat() throws ProtocolException {
      return Float.intBitsToFloat(readInt());
    }

    public double readDouble() throws ProtocolException {
      return Double.longBitsToDouble(readLong());
    }

    /** A count of items of {@code itemBytes} each, checked against the bytes left. */
    public int readCount(int itemBytes) throws ProtocolException {
      int n = readInt();
      if (n < 0) throw new ProtocolException("a negative count " + n);
      need((long) n * Math.max(1, itemBytes));
      return n;
    }

    public byte[] readBytes() throws ProtocolException {
      int n = readCount(1);
      byte[] b = new byte[n];
      System.arraycopy(data, position, b, 0, n);
      position += n;
      return b;
    }

    public String readString() throws ProtocolException {
      return new String(readBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A frame that breaks the format: the sender is not following the protocol. */
  public static final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
      super(message);
    }
  }
}
