package camlab.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The .npy reader against files written by NumPy itself ({@code src/test/resources/npy/make_fixtures.py}): every
 * supported type in both byte orders and memory orders reads as the values NumPy shows, and every other kind of file
 * is refused with a message that names it and says how to convert it.
 */
@Tag(TestDevice.ENGINE)
class NpyTest {
  private static final Path DIR = Path.of("src/test/resources/npy");
  /** What make_fixtures.py calls GOLDEN: -3.0, -2.5, ..., 8.5 in shape (2, 3, 4). */
  private static final float[] GOLDEN = floats(i -> i * 0.5 - 3);
  private static final Shape SHAPE = new Shape(2, 3, 4);
  private static NDManager m;
  @TempDir Path tmp;

  @BeforeAll
  static void open() {
    m = TestDevice.manager();
  }

  @AfterAll
  static void close() {
    m.close();
  }

  private static float[] floats(java.util.function.IntToDoubleFunction f) {
    float[] v = new float[24];
    for (int i = 0; i < 24; i++) v[i] = (float) f.applyAsDouble(i);
    return v;
  }

  private static NDArray read(String name) throws IOException {
    return Npy.read(m, DIR.resolve(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"f4-little-c.npy", "f4-big-c.npy", "f4-little-fortran.npy", "f4-big-fortran.npy", "f4-version2.npy", "f4-version3.npy"})
  void float32InEitherByteOrderAndMemoryOrderReadsAsNumPyShowsIt(String name) throws IOException {
    NDArray x = read(name);
    assertEquals(SHAPE, x.getShape());
    assertEquals(DataType.FLOAT32, x.getDataType());
    assertArrayEquals(GOLDEN, x.toFloatArray(), 0f);
  }

  @Test
  void everySupportedTypeReadsItsExactValues() throws IOException {
    for (String name : new String[] {"f8-little.npy", "f8-big-fortran.npy"}) {
      NDArray x = read(name);
      assertEquals(DataType.FLOAT64, x.getDataType(), name);
      assertArrayEquals(IntStream.range(0, 24).mapToDouble(i -> i * 0.5 - 3).toArray(), x.toDoubleArray(), 0, name);
    }
    NDArray half = read("f2-big.npy");
    assertEquals(DataType.FLOAT16, half.getDataType());
    assertArrayEquals(GOLDEN, half.toType(DataType.FLOAT32, false).toFloatArray(), 0f);
    assertInts("i1.npy", DataType.INT8, i -> i - 5);
    assertInts("u1.npy", DataType.UINT8, i -> i + 200);
    assertInts("i4-big.npy", DataType.INT32, i -> i - 5);
    assertInts("i8-little-fortran.npy", DataType.INT64, i -> i - 5);
    NDArray bools = read("bool.npy");
    assertEquals(DataType.BOOLEAN, bools.getDataType());
    boolean[] expected = new boolean[24];
    for (int i = 0; i < 24; i++) expected[i] = i % 3 == 0;
    assertArrayEquals(expected, bools.toBooleanArray());
  }

  private static void assertInts(String name, DataType type, java.util.function.IntUnaryOperator value) throws IOException {
    NDArray x = read(name);
    assertEquals(type, x.getDataType(), name);
    assertEquals(SHAPE, x.getShape(), name);
    assertArrayEquals(IntStream.range(0, 24).map(value).asLongStream().toArray(), x.toType(DataType.INT64, false).toLongArray(), name);
  }

  @Test
  void scalarsAndEmptyArraysKeepTheirShape() throws IOException {
    NDArray scalar = read("scalar.npy");
    assertEquals(new Shape(), scalar.getShape());
    assertEquals(2.5f, scalar.getFloat());
    assertEquals(new Shape(0, 3), read("empty.npy").getShape());
  }

  @Test
  void slicesAlongTheFirstAxisOfAFortranBigEndianFile() throws IOException {
    // entry (n, c, h, w) holds n*1000 + c*100 + h*10 + w
    try (Npy.Reader reader = Npy.open(DIR.resolve("grid-big-fortran.npy"))) {
      assertEquals(new Shape(5, 2, 3, 4), reader.shape());
      assertEquals("float32 (big-endian), Fortran order", reader.describe());
      NDArray slice = reader.read(m, 1, 4);
      assertEquals(new Shape(3, 2, 3, 4), slice.getShape());
      float[] values = slice.toFloatArray();
      int i = 0;
      for (int n = 1; n < 4; n++) {
        for (int c = 0; c < 2; c++) {
          for (int h = 0; h < 3; h++) {
            for (int w = 0; w < 4; w++) assertEquals(n * 1000 + c * 100 + h * 10 + w, values[i++], "entry " + n + c + h + w);
          }
        }
      }
      assertArrayEquals(reader.readAll(m).toFloatArray(), reader.read(m, 0, 5).toFloatArray(), 0f);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"f4-little-c.npy", "f4-big-c.npy", "f4-big-fortran.npy", "i8-little-fortran.npy"})
  void readingInChunksGivesTheSameArray(String name) throws IOException {
    try (Npy.Reader reader = Npy.open(DIR.resolve(name))) {
      NDArray whole = reader.readAll(m);
      for (int chunk : new int[] {8, 40, 64}) {
        NDArray chunked = reader.readAll(m, chunk);
        assertEquals(whole.getShape(), chunked.getShape());
        assertTrue(whole.contentEquals(chunked), name + " in chunks of " + chunk + " bytes");
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
      "complex64.npy  ; complex64 values ('<c8'), which CamLab cannot read ; x.real.astype(np.float32)",
      "int16.npy      ; int16 values ('<i2')                               ; x.astype(np.float32)",
      "uint16.npy     ; uint16 values ('>u2')                              ; x.astype(np.float32)",
      "strings.npy    ; unicode strings ('<U3')                            ; x.astype(np.float32)",
      "objects.npy    ; Python objects (a pickled array) ('|O')            ; x.astype(np.float32)",
      "datetime.npy   ; datetime64 values ('<M8[s]')                       ; x.astype(np.float32)",
      "structured.npy ; a structured array (fields image, label)           ; x['image'].astype(np.float32)"})
  void otherTypesAreRefusedNamingTheTypeAndTheConversion(String name, String what, String convert) {
    IOException e = assertThrows(IOException.class, () -> read(name));
    assertTrue(e.getMessage().contains(name + " holds " + what), e.getMessage());
    assertTrue(e.getMessage().contains("np.save('" + name + "', " + convert + ")"), e.getMessage());
  }

  @Test
  void damagedFilesAreRefusedSayingWhatIsWrong() throws IOException {
    IOException cut = assertThrows(IOException.class, () -> read("truncated.npy"));
    assertTrue(cut.getMessage().contains("is truncated: its header says float32 (2, 3, 4), which takes 96 bytes, but only 88 follow"),
        cut.getMessage());
    IOException longer = assertThrows(IOException.class, () -> read("trailing-bytes.npy"));
    assertTrue(longer.getMessage().contains("has 16 bytes more than its header's float32 (2, 3, 4) needs (96)"), longer.getMessage());
    Path text = tmp.resolve("text.npy");
    Files.writeString(text, "hello, not numpy");
    assertTrue(assertThrows(IOException.class, () -> Npy.read(m, text)).getMessage().contains("is not a NumPy .npy file"));
    assertTrue(assertThrows(IOException.class, () -> Npy.read(m, tmp.resolve("missing.npy"))).getMessage().contains("cannot read"));
    byte[] future = Files.readAllBytes(DIR.resolve("f4-little-c.npy"));
    future[6] = 4;
    Path version4 = tmp.resolve("version4.npy");
    Files.write(version4, future);
    assertTrue(assertThrows(IOException.class, () -> Npy.read(m, version4)).getMessage().contains("format version 4.0"));
    byte[] noShape = new String(Files.readAllBytes(DIR.resolve("f4-little-c.npy")), java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("'shape'", "'shapy'").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path damaged = tmp.resolve("damaged.npy");
    Files.write(damaged, noShape);
    assertTrue(assertThrows(IOException.class, () -> Npy.read(m, damaged)).getMessage().contains("is a damaged .npy file"));
  }

  @Test
  void writtenFilesReadBackExactly() throws IOException {
    Path file = tmp.resolve("sub/maps.npy");
    Npy.writeFloat32(file, GOLDEN, 2, 3, 4);
    assertArrayEquals(Files.readAllBytes(DIR.resolve("f4-little-c.npy")), Files.readAllBytes(file), "byte for byte what NumPy writes");
    NDArray x = Npy.read(m, file);
    assertEquals(SHAPE, x.getShape());
    assertArrayEquals(GOLDEN, x.toFloatArray(), 0f);
  }
}
