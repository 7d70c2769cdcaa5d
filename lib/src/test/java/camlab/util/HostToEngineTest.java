package camlab.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class HostToEngineTest {
  @Test
  void arraysKeepTheirValuesWhenTheStagingBufferIsReusedOrGrown() {
    try (NDManager manager = TestDevice.manager()) {
      NDArray first = HostToEngine.floats(manager, new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
      NDArray second = HostToEngine.floats(manager, new float[] {-1, -2}, new Shape(2));
      float[] big = new float[100_000]; // larger than the staging buffer so far: it grows
      for (int i = 0; i < big.length; i++) big[i] = i;
      NDArray third = HostToEngine.floats(manager, big, new Shape(100, 1000));
      assertEquals(new Shape(2, 3), first.getShape());
      assertEquals(DataType.FLOAT32, first.getDataType());
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, first.toFloatArray());
      assertArrayEquals(new float[] {-1, -2}, second.toFloatArray());
      assertArrayEquals(big, third.toFloatArray());
    }
  }

  @Test
  void repeatedCopiesLeaveNoDirectMemoryForTheCollector() {
    BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
    float[] values = new float[32 * 1024]; // 128 KB a copy
    try (NDManager manager = TestDevice.manager()) {
      HostToEngine.floats(manager, values, new Shape(values.length)).close(); // the staging buffer exists now
      long before = direct.getMemoryUsed();
      for (int i = 0; i < 200; i++) HostToEngine.floats(manager, values, new Shape(values.length)).close();
      long grown = direct.getMemoryUsed() - before;
      // NDManager.create(float[]) would leave 200 × 128 KB = 25 MB here until a garbage collection
      assertTrue(grown < 1 << 20, "direct memory grew by " + grown + " bytes over 200 copies");
    }
  }
}
