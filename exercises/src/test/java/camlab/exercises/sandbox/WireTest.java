package camlab.exercises.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frames and values between the grading JVM and a cell JVM: exact round trips, and forged lengths refused. */
class WireTest {
  private static Wire.Frame roundTrip(Wire.Type type, byte[] payload) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Wire.write(new DataOutputStream(bytes), type, payload);
    return Wire.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }

  private static final Values.Objects NONE = new Values.Objects() {
    @Override public boolean write(Wire.PayloadWriter out, Object value) {
      return false;
    }

    @Override public Object read(int tag, Wire.Payload in) throws IOException {
      throw new Wire.ProtocolException("no objects here");
    }
  };

  @Test
  void primitivesStringsAndNestedArraysComeBackExactly() throws IOException {
    Object[] values = {null, 3, -7L, Float.NaN, -0.0, true, "grad-cam ✓", new float[] {1.5f, Float.NEGATIVE_INFINITY},
        new int[][] {{1, 2}, {}, {3}}, new double[] {Math.PI}, new long[] {Long.MIN_VALUE}};
    Wire.PayloadWriter out = new Wire.PayloadWriter();
    for (Object v : values) Values.write(out, v, NONE);
    Wire.Payload in = roundTrip(Wire.Type.RETURNED, out.toByteArray()).reader();
    assertEquals(null, Values.read(in, NONE));
    assertEquals(3, Values.read(in, NONE));
    assertEquals(-7L, Values.read(in, NONE));
    assertTrue(Float.isNaN((Float) Values.read(in, NONE)));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) Values.read(in, NONE)));
    assertEquals(true, Values.read(in, NONE));
    assertEquals("grad-cam ✓", Values.read(in, NONE));
    assertArrayEquals(new float[] {1.5f, Float.NEGATIVE_INFINITY}, (float[]) Values.read(in, NONE));
    assertArrayEquals(new int[][] {{1, 2}, {}, {3}}, (int[][]) Values.read(in, NONE));
    assertArrayEquals(new double[] {Math.PI}, (double[]) Values.read(in, NONE));
    assertArrayEquals(new long[] {Long.MIN_VALUE}, (long[]) Values.read(in, NONE));
    assertEquals(0, in.remaining());
  }

  @Test
  void arraysKeepTheirDataTypeShapeAndBits() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      for (NDArray a : new NDArray[] {manager.create(new float[] {1, -0f, Float.NaN, 4}, new Shape(2, 2)),
          manager.create(new double[] {1e300, 2}), manager.create(new int[] {Integer.MIN_VALUE}), manager.create(new boolean[] {true, false}),
          manager.create(new Shape(0, 3), DataType.FLOAT32), manager.create(7L)}) {
        Wire.PayloadWriter out = new Wire.PayloadWriter();
        ArrayData.write(out, a);
        ArrayData.Content c = ArrayData.read(roundTrip(Wire.Type.CALL, out.toByteArray()).reader());
        NDArray back = c.create(manager);
        assertEquals(a.getDataType(), back.getDataType());
        assertEquals(a.getShape(), back.getShape());
        assertArrayEquals(ArrayData.bytesOf(a), ArrayData.bytesOf(back));
        assertTrue(c.sameAs(a));
      }
    }
  }

  @Test
  void forgedFramesAndLengthsAreRefusedWithoutAllocating() throws IOException {
    byte[] noMagic = {1, 2, 3, 4, 7, 0, 0, 0, 0};
    assertThrows(Wire.ProtocolException.class, () -> Wire.read(new DataInputStream(new ByteArrayInputStream(noMagic))));
    byte[] huge = {0x43, 0x41, 0x4D, 0x4C, 7, 0x7f, 0, 0, 0};
    Wire.ProtocolException tooBig = assertThrows(Wire.ProtocolException.class,
        () -> Wire.read(new DataInputStream(new ByteArrayInputStream(huge))));
    assertTrue(tooBig.getMessage().contains("at most"), tooBig.getMessage());
    Wire.PayloadWriter lying = new Wire.PayloadWriter().writeByte(10).writeString("F").writeInt(1 << 30); // a billion floats, no data
    assertThrows(Wire.ProtocolException.class, () -> Values.read(roundTrip(Wire.Type.RETURNED, lying.toByteArray()).reader(), NONE));
    Wire.PayloadWriter shape = new Wire.PayloadWriter();
    ArrayData.write(shape, DataType.FLOAT32, new Shape(1 << 20, 1 << 20), new byte[8]);
    assertThrows(Wire.ProtocolException.class, () -> ArrayData.read(roundTrip(Wire.Type.RETURNED, shape.toByteArray()).reader()));
    Wire.PayloadWriter classes = new Wire.PayloadWriter().writeByte(10).writeString("Ljava/io/File;").writeInt(0);
    assertThrows(Wire.ProtocolException.class, () -> Values.read(roundTrip(Wire.Type.RETURNED, classes.toByteArray()).reader(), NONE));
  }
}
