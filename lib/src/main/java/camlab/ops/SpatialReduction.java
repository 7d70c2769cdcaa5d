package camlab.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sum and the mean over the h·w positions of each channel, {@code [B, K, h, w]} → {@code [B, K]}. Small arrays
 * on the CPU take them as one matrix product with a constant column:
 * <pre>Σ_i Σ_j x[b, k, i, j] = Σ_p X[b, k, p] · 1,     mean = Σ_p X[b, k, p] · (1 / (h·w)),     X = x viewed as [B, K, h·w].</pre>
 * Why not the engine's sum: PyTorch splits a reduction of 32,768 numbers or more (the GAP-CNN's batch-1 activations
 * are 128 × 16 × 16) over its threads, and waking them costs more than the additions. The product's backward pass is
 * another matrix product (a column times a row), which does not wake them either; with a vector instead of a column
 * it would be an element-wise outer product, which does. Above {@link #MAX_PRODUCT_VALUES} numbers the threads pay
 * off and the sum is used, its mean scaled by a constant 1/(h·w); so on a GPU too, where one reduction kernel is the
 * cheapest.
 *
 * <p>The constants are made once per device, type and size and kept for the life of the JVM (a few kB): made on
 * every call, they would cost what the product saves. Nothing here uses a Java number as an operand: DJL puts it
 * in a direct buffer the engine only borrows, which a backward pass could read after it was freed.
 */
public final class SpatialReduction {
  /**
   * Up to this many numbers in x the product is faster on the CPU, for GAP, a Linear layer and the backward pass to
   * the activations together; above it the engine's threaded sum wins. The crossover was measured on this project's
   * CPUs (docs/performance.md, "Why it costs what it costs").
   */
  static final long MAX_PRODUCT_VALUES = 1 << 17;

  private record Key(Device device, DataType type, Shape shape, float value) {}

  private static final Map<Key, NDArray> CONSTANTS = new ConcurrentHashMap<>();
  private static final Map<Device, NDManager> OWNERS = new ConcurrentHashMap<>();

  private SpatialReduction() {}

  /** Σ over the positions of each channel: {@code [B, K, h, w]} → {@code [B, K]}, in x's manager. */
  public static NDArray sum(NDArray x) {
    return reduce(x, false);
  }

  /** The mean over the positions of each channel: {@code [B, K, h, w]} → {@code [B, K]}, in x's manager. */
  public static NDArray mean(NDArray x) {
    return reduce(x, true);
  }

  private static NDArray reduce(NDArray x, boolean average) {
    Shape shape = x.getShape();
    if (shape.dimension() != 4) {
      throw new IllegalArgumentException("A sum over positions needs [batch, channels, height, width] activations; got " + shape + ".");
    }
    long positions = shape.get(2) * shape.get(3);
    float weight = average ? 1f / positions : 1f;
    Device device = x.getDevice();
    if (Device.Type.CPU.equals(device.getDeviceType()) && shape.size() <= MAX_PRODUCT_VALUES) {
      NDArray column = constant(new Key(device, x.getDataType(), new Shape(positions, 1), weight));
      return x.reshape(shape.get(0), shape.get(1), positions).matMul(column).reshape(shape.get(0), shape.get(1));
    }
    NDArray sum = x.sum(new int[] {2, 3});
    return average ? sum.mul(constant(new Key(device, x.getDataType(), new Shape(), weight))) : sum;
  }

  /** How many constants are kept (for tests: a size seen before makes none). */
  static int constantCount() {
    return CONSTANTS.size();
  }

  private static NDArray constant(Key key) {
    return CONSTANTS.computeIfAbsent(key, k -> {
      NDManager owner = OWNERS.computeIfAbsent(k.device(), NDManager::newBaseManager);
      return owner.full(k.shape(), k.value(), k.type());
    });
  }
}
