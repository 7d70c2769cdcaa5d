package camlab.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns Java numbers into an engine array without leaving native memory for the garbage collector.
 * {@code NDManager.create(float[])} copies the numbers into a fresh direct buffer that the array keeps until the
 * GC collects it; called on every explanation, those buffers pile up (here: 180 MB between two collections, +44 %
 * RSS over 10,000 calls). Instead the numbers go through one direct buffer per thread, reused, and the engine
 * copies them into memory of its own, freed when the array is closed.
 */
public final class HostToEngine {
  private static final ThreadLocal<ByteBuffer> STAGING = ThreadLocal.withInitial(() -> direct(1 << 12));

  private HostToEngine() {}

  /** A float32 array of {@code shape} holding {@code values}, in {@code manager}, on the manager's device. */
  public static NDArray floats(NDManager manager, float[] values, Shape shape) {
    ByteBuffer staging = STAGING.get();
    int bytes = values.length * Float.BYTES;
    if (staging.capacity() < bytes) {
      staging = direct(Math.max(bytes, 2 * staging.capacity()));
      STAGING.set(staging);
    }
    staging.clear();
    staging.asFloatBuffer().put(values);
    staging.limit(bytes);
    try (NDArray view = manager.create(staging, shape, DataType.FLOAT32)) { // shares the staging memory
      return view.duplicate(); // the engine's own copy
    }
  }

  private static ByteBuffer direct(int bytes) {
    return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
  }
}
