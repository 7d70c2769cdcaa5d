package camlab.exercises.sandbox;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;

/**
 * Arguments and results on the wire: null, primitives, strings, arrays of those (any depth up to
 * {@link #MAX_ARRAY_DEPTH}), and — through {@link Objects} — NDArrays and models, whose identity each side
 * tracks itself. Anything else cannot cross between the grading JVM and a cell JVM.
 */
public final class Values {
  static final int NULL = 0;
  static final int BOOLEAN = 1;
  static final int BYTE = 2;
  static final int SHORT = 3;
  static final int CHAR = 4;
  static final int INT = 5;
  static final int LONG = 6;
  static final int FLOAT = 7;
  static final int DOUBLE = 8;
  static final int STRING = 9;
  static final int ARRAY = 10;
  public static final int NDARRAY = 20;
  public static final int MODEL = 21;
  private static final int MAX_ARRAY_DEPTH = 4;

  /** Writes and reads the values whose identity matters (NDArrays, models): each side keeps its own table. */
  public interface Objects {
    /** Writes {@code value} with its tag and returns true, or returns false if it is not such a value. */
    boolean write(Wire.PayloadWriter out, Object value) throws IOException;

    /** Reads the value after {@code tag} ({@link #NDARRAY} or {@link #MODEL}). */
    Object read(int tag, Wire.Payload in) throws IOException;
  }

  private Values() {}

  public static void write(Wire.PayloadWriter out, Object value, Objects objects) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN).writeBoolean(b);
    } else if (value instanceof Byte b) {
      out.writeByte(BYTE).writeByte(b);
    } else if (value instanceof Short s) {
      out.writeByte(SHORT).writeInt(s);
    } else if (value instanceof Character c) {
      out.writeByte(CHAR).writeInt(c);
    } else if (value instanceof Integer i) {
      out.writeByte(INT).writeInt(i);
    } else if (value instanceof Long l) {
      out.writeByte(LONG).writeLong(l);
    } else if (value instanceof Float f) {
      out.writeByte(FLOAT).writeFloat(f);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE).writeDouble(d);
    } else if (value instanceof String s) {
      out.writeByte(STRING).writeString(s);
    } else if (value.getClass().isArray()) {
      out.writeByte(ARRAY);
      writeArray(out, value, objects);
    } else if (!objects.write(out, value)) {
      throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be passed to or from a cell");
    }
  }

  private static void writeArray(Wire.PayloadWriter out, Object array, Objects objects) throws IOException {
    Class<?> component = array.getClass().getComponentType();
    out.writeString(component.descriptorString());
    int n = Array.getLength(array);
    out.writeInt(n);
    DataOutputStream data = new DataOutputStream(out.stream());
    if (component == float.class) for (float v : (float[]) array) data.writeFloat(v);
    else if (component == double.class) for (double v : (double[]) array) data.writeDouble(v);
    else if (component == int.class) for (int v : (int[]) array) data.writeInt(v);
    else if (component == long.class) for (long v : (long[]) array) data.writeLong(v);
    else if (component == boolean.class) for (boolean v : (boolean[]) array) data.writeBoolean(v);
    else if (component == byte.class) data.write((byte[]) array);
    else if (component == short.class) for (short v : (short[]) array) data.writeShort(v);
    else if (component == char.class) for (char v : (char[]) array) data.writeChar(v);
    else for (int i = 0; i < n; i++) write(out, Array.get(array, i), objects);
    data.flush();
  }

  public static Object read(Wire.Payload in, Objects objects) throws IOException {
    return read(in, objects, 0);
  }

  private static Object read(Wire.Payload in, Objects objects, int depth) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case BOOLEAN -> in.readBoolean();
      case BYTE -> (byte) in.readByte();
      case SHORT -> (short) in.readInt();
      case CHAR -> (char) in.readInt();
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case FLOAT -> in.readFloat();
      case DOUBLE -> in.readDouble();
      case STRING -> in.readString();
      case ARRAY -> readArray(in, objects, depth + 1);
      case NDARRAY, MODEL -> objects.read(tag, in);
      default -> throw new Wire.ProtocolException("a value with unknown tag " + tag);
    };
  }

  private static Object readArray(Wire.Payload in, Objects objects, int depth) throws IOException {
    if (depth > MAX_ARRAY_DEPTH) throw new Wire.ProtocolException("arrays nested deeper than " + MAX_ARRAY_DEPTH);
    Class<?> component = componentOf(in.readString());
    if (component == float.class) {
      float[] a = new float[in.readCount(4)];
      for (int i = 0; i < a.length; i++) a[i] = in.readFloat();
      return a;
    } else if (component == double.class) {
      double[] a = new double[in.readCount(8)];
      for (int i = 0; i < a.length; i++) a[i] = in.readDouble();
      return a;
    } else if (component == int.class) {
      int[] a = new int[in.readCount(4)];
      for (int i = 0; i < a.length; i++) a[i] = in.readInt();
      return a;
    } else if (component == long.class) {
      long[] a = new long[in.readCount(8)];
      for (int i = 0; i < a.length; i++) a[i] = in.readLong();
      return a;
    } else if (component == boolean.class) {
      boolean[] a = new boolean[in.readCount(1)];
      for (int i = 0; i < a.length; i++) a[i] = in.readBoolean();
      return a;
    } else if (component == byte.class) {
      byte[] a = new byte[in.readCount(1)];
      for (int i = 0; i < a.length; i++) a[i] = (byte) in.readByte();
      return a;
    } else if (component == short.class) {
      short[] a = new short[in.readCount(2)];
      for (int i = 0; i < a.length; i++) a[i] = (short) ((in.readByte() << 8) | in.readByte());
      return a;
    } else if (component == char.class) {
      char[] a = new char[in.readCount(2)];
      for (int i = 0; i < a.length; i++) a[i] = (char) ((in.readByte() << 8) | in.readByte());
      return a;
    }
    int n = in.readCount(1);
    Object a = Array.newInstance(component, n);
    for (int i = 0; i < n; i++) {
      Object element = read(in, objects, depth);
      if (element != null && !component.isInstance(element)) {
        throw new Wire.ProtocolException("a " + element.getClass().getSimpleName() + " inside an array of " + component.getSimpleName());
      }
      Array.set(a, i, element);
    }
    return a;
  }

  /** Only primitives, strings, NDArrays and arrays of those may be array components. */
  private static Class<?> componentOf(String descriptor) throws Wire.ProtocolException {
    switch (descriptor) {
      case "F": return float.class;
      case "D": return double.class;
      case "I": return int.class;
      case "J": return long.class;
      case "Z": return boolean.class;
      case "B": return byte.class;
      case "S": return short.class;
      case "C": return char.class;
      case "Ljava/lang/String;": return String.class;
      case "Lai/djl/ndarray/NDArray;": return ai.djl.ndarray.NDArray.class;
      default:
        if (descriptor.startsWith("[") && descriptor.length() < 12) return componentOf(descriptor.substring(1)).arrayType();
        throw new Wire.ProtocolException("an array of " + descriptor + ", which cannot be sent");
    }
  }

  /** The boxed type of a primitive class, or the class itself: what {@link #read} returns for a value of {@code type}. */
  public static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) return type;
    if (type == int.class) return Integer.class;
    if (type == long.class) return Long.class;
    if (type == float.class) return Float.class;
    if (type == double.class) return Double.class;
    if (type == boolean.class) return Boolean.class;
    if (type == byte.class) return Byte.class;
    if (type == short.class) return Short.class;
    if (type == char.class) return Character.class;
    return Void.class;
  }
}
