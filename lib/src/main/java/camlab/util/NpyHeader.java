package camlab.util;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code .npy} header says (NumPy's format 1.0, 2.0 and 3.0), checked against the file: the data type
 * with its byte order, the memory order, the shape, and where the data starts.
 *
 * @param dataType the engine's type for the values
 * @param bigEndian whether multi-byte values are stored most significant byte first ({@code >})
 * @param itemSize bytes per value
 */
record NpyHeader(String descr, DataType dataType, boolean bigEndian, int itemSize, boolean fortranOrder, long[] shape, long dataOffset) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(['\"])(.*?)\\1");
  private static final Pattern STRUCTURED = Pattern.compile("['\"]descr['\"]\\s*:\\s*\\[(.*)\\]", Pattern.DOTALL);
  private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
  private static final Pattern TYPE = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d*)(.*)");

  /** The types read, by NumPy's kind and size ("f4"). */
  private static final Map<String, DataType> READ = Map.of("f2", DataType.FLOAT16, "f4", DataType.FLOAT32, "f8", DataType.FLOAT64,
      "i1", DataType.INT8, "u1", DataType.UINT8, "i4", DataType.INT32, "i8", DataType.INT64, "b1", DataType.BOOLEAN);

  /** Names of the types refused, for the message. */
  private static final Map<String, String> REFUSED = Map.ofEntries(Map.entry("i2", "int16"), Map.entry("u2", "uint16"),
      Map.entry("u4", "uint32"), Map.entry("u8", "uint64"), Map.entry("f12", "float96"), Map.entry("f16", "float128"),
      Map.entry("c8", "complex64"), Map.entry("c16", "complex128"), Map.entry("c32", "complex256"));

  long count() {
    return Arrays.stream(shape).reduce(1, Math::multiplyExact);
  }

  long bytes() {
    return Math.multiplyExact(count(), itemSize);
  }

  /** "float32 (big-endian), Fortran order". */
  String describe() {
    String order = itemSize == 1 ? "" : bigEndian ? " (big-endian)" : "";
    return dataType + order + (fortranOrder ? ", Fortran order" : "");
  }

  static NpyHeader read(Path file, FileChannel channel) throws IOException {
    ByteBuffer prefix = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    channel.read(prefix, 0);
    prefix.flip();
    byte[] magic = new byte[Math.min(6, prefix.remaining())];
    prefix.get(magic);
    if (!Arrays.equals(magic, MAGIC) || prefix.remaining() < 4) {
      throw new IOException(file + " is not a NumPy .npy file (it does not start with \\x93NUMPY); save the array with numpy.save.");
    }
    int major = prefix.get() & 0xff;
    int minor = prefix.get() & 0xff;
    long headerLength;
    int lengthBytes;
    if (major == 1) {
      headerLength = prefix.getShort() & 0xffff;
      lengthBytes = 2;
    } else if (major == 2 || major == 3) {
      if (prefix.remaining() < 4) throw damaged(file, "the header is cut short");
      headerLength = prefix.getInt() & 0xffffffffL;
      lengthBytes = 4;
    } else {
      throw new IOException(file + " is an .npy file of format version " + major + "." + minor + ", newer than this reader (1.0 to 3.0);"
          + " save it with numpy.save from NumPy 1.x or 2.x.");
    }
    long dataOffset = 6 + 2 + lengthBytes + headerLength;
    if (headerLength > 1 << 20 || dataOffset > channel.size()) throw damaged(file, "the header is cut short");
    ByteBuffer dictBytes = ByteBuffer.allocate((int) headerLength);
    channel.read(dictBytes, 6 + 2 + lengthBytes);
    String dict = new String(dictBytes.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    NpyHeader header = parse(file, dict, dataOffset);
    long expected;
    try {
      expected = header.bytes();
    } catch (ArithmeticException e) {
      throw damaged(file, "its shape " + Arrays.toString(header.shape) + " is too large");
    }
    long actual = channel.size() - dataOffset;
    String what = header.describe() + " " + shapeText(header.shape);
    if (actual < expected) {
      throw new IOException(file + " is truncated: its header says " + what + ", which takes " + expected + " bytes, but only " + actual
          + " follow. Save it again with numpy.save.");
    }
    if (actual > expected) {
      throw new IOException(file + " has " + (actual - expected) + " bytes more than its header's " + what + " needs (" + expected
          + "), so the header may not describe the data. Save it again with numpy.save.");
    }
    return header;
  }

  private static NpyHeader parse(Path file, String dict, long dataOffset) throws IOException {
    Matcher structured = STRUCTURED.matcher(dict);
    if (structured.find()) {
      List<String> fields = new ArrayList<>();
      Matcher field = Pattern.compile("\\(\\s*['\"]([^'\"]*)['\"]").matcher(structured.group(1));
      while (field.find()) fields.add(field.group(1));
      String first = fields.isEmpty() ? "a" : fields.get(0);
      throw new IOException(file + " holds a structured array (fields " + String.join(", ", fields) + "), which CamLab cannot read."
          + " Save one numeric field as a plain array: np.save('" + file.getFileName() + "', x['" + first + "'].astype(np.float32)).");
    }
    Matcher descr = DESCR.matcher(dict);
    Matcher fortran = FORTRAN.matcher(dict);
    Matcher shapeText = SHAPE.matcher(dict);
    if (!descr.find() || !fortran.find() || !shapeText.find()) {
      throw damaged(file, "its header '" + dict.strip() + "' lacks 'descr', 'fortran_order' or 'shape'");
    }
    long[] shape = parseShape(file, shapeText.group(1));
    String type = descr.group(2);
    Matcher t = TYPE.matcher(type);
    if (!t.matches()) throw damaged(file, "its data type '" + type + "' is not a NumPy type");
    String order = t.group(1);
    String kindAndSize = t.group(2) + t.group(3);
    DataType dataType = READ.get(kindAndSize);
    if (dataType == null || !t.group(4).isEmpty()) throw refused(file, type, t.group(2), kindAndSize);
    int itemSize = Integer.parseInt(t.group(3));
    if (itemSize > 1 && order.equals("|")) throw damaged(file, "its data type '" + type + "' has no byte order");
    boolean bigEndian = order.equals(">") || order.equals("=") && ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;
    return new NpyHeader(type, dataType, bigEndian, itemSize, fortran.group(1).equals("True"), shape, dataOffset);
  }

  private static long[] parseShape(Path file, String text) throws IOException {
    try {
      long[] shape = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .map(s -> s.endsWith("L") ? s.substring(0, s.length() - 1) : s).mapToLong(Long::parseLong).toArray();
      if (Arrays.stream(shape).anyMatch(d -> d < 0)) throw new NumberFormatException();
      return shape;
    } catch (NumberFormatException e) {
      throw damaged(file, "its shape (" + text + ") is not a tuple of sizes");
    }
  }

  private static IOException refused(Path file, String type, String kind, String kindAndSize) {
    String what = switch (kind) {
      case "U" -> "unicode strings";
      case "S", "a" -> "byte strings";
      case "O" -> "Python objects (a pickled array)";
      case "V" -> "raw bytes (void)";
      case "M" -> "datetime64 values";
      case "m" -> "timedelta64 values";
      default -> REFUSED.getOrDefault(kindAndSize, "'" + type + "'") + " values";
    };
    String convert = kind.equals("c") ? "x.real.astype(np.float32)" : "x.astype(np.float32)";
    return new IOException(file + " holds " + what + " ('" + type + "'), which CamLab cannot read: it reads float16/32/64, int8/32/64,"
        + " uint8 and bool. Convert it in NumPy first: np.save('" + file.getFileName() + "', " + convert + ").");
  }

  private static IOException damaged(Path file, String why) {
    return new IOException(file + " is a damaged .npy file: " + why + ". Save it again with numpy.save.");
  }

  static String shapeText(long[] shape) {
    return Arrays.toString(shape).replace('[', '(').replace(']', ')');
  }
}
