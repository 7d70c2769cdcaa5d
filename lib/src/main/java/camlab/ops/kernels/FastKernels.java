package camlab.ops.kernels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The measured faster paths, each falling back to {@link ReferenceKernels} where it does not pay:
 *
 * <ul>
 *   <li><b>Fewer engine calls.</b> A class row by one embedding lookup; the backward pass seeded with the one-hot
 *       itself on the PyTorch engine.
 *   <li><b>Maps on the host.</b> Small batches of float32 maps in CPU memory are upsampled and normalised by one
 *       Java loop ({@link HostLoops}), the same float operations as the engine's kernels, bit for bit; shrinking, large
 *       batches ({@link #MAX_HOST_VALUES}) and maps on a GPU stay in the engine.
 *   <li><b>Spatial sums as a matrix product.</b> PyTorch splits a reduction of 32,768 numbers or more (the GAP-CNN's
 *       batch-1 activations are 128 × 16 × 16) over its threads, and waking them costs more than the additions. Small
 *       arrays on the CPU are summed as one product with a constant column,
 *       <pre>Σ_i Σ_j x[b, k, i, j] = Σ_p X[b, k, p] · 1,     mean = Σ_p X[b, k, p] · (1 / (h·w)),     X = x viewed as [B, K, h·w],</pre>
 *       whose backward pass is another matrix product (a column times a row), which does not wake them either; with a
 *       vector instead of a column it would be an element-wise outer product, which does. Above
 *       {@link #MAX_PRODUCT_VALUES} numbers, and on a GPU, the engine's sum is used, its mean scaled by a kept 1/(h·w).
 * </ul>
 *
 * <p>This object owns the constants it keeps — made once per device, type and size, since made on every call they
 * would cost what the product saves — and {@link #close()} frees them. The library's default instance
 * ({@link MapKernels#active()}) lives as long as the process.
 */
public final class FastKernels implements MapKernels, AutoCloseable {
  /**
   * Up to this many output values (32 maps of 64×64) the host loop is faster; above it the engine's vectorised,
   * multi-threaded kernels win. Measured on this project's 2-core CPUs (docs/performance.md, "Why it costs what it
   * costs"); {@code camlab bench --kernels reference} measures the engine path for comparison.
   */
  public static final long MAX_HOST_VALUES = 1 << 17;

  /**
   * Up to this many numbers in x the product is faster on the CPU, for GAP, a Linear layer and the backward pass to
   * the activations together; above it the engine's threaded sum wins. Measured as {@link #MAX_HOST_VALUES}.
   */
  public static final long MAX_PRODUCT_VALUES = 1 << 17;

  private record Key(Device device, DataType type, Shape shape, float value) {}

  private final Map<Key, NDArray> constants = new ConcurrentHashMap<>();
  private final Map<Device, NDManager> owners = new ConcurrentHashMap<>();
  private volatile boolean closed;

  @Override
  public NDArray minMaxNormalize(NDArray maps) {
    return onHost(maps, maps.size()) ? HostLoops.minMaxNormalize(maps) : ReferenceKernels.INSTANCE.minMaxNormalize(maps);
  }

  @Override
  public NDArray upsampleBilinear(NDArray maps, int height, int width) {
    return enlargesOnHost(maps, height, width) ? HostLoops.upsampleBilinear(maps, height, width)
        : ReferenceKernels.INSTANCE.upsampleBilinear(maps, height, width);
  }

  /** Where the upsampling runs on the host, so does the normalisation, in the same pass: the maps go to the engine once. */
  @Override
  public NDArray upsampleBilinearThenMinMax(NDArray maps, int height, int width) {
    return enlargesOnHost(maps, height, width) ? HostLoops.upsampleBilinearThenMinMax(maps, height, width)
        : minMaxNormalize(ReferenceKernels.INSTANCE.upsampleBilinear(maps, height, width));
  }

  @Override
  public NDArray spatialSum(NDArray x) {
    return reduce(x, false);
  }

  @Override
  public NDArray spatialMean(NDArray x) {
    return reduce(x, true);
  }

  /**
   * An embedding lookup: exactly the row copy in one engine call, where indexing with an NDIndex parses the index and
   * takes several.
   */
  @Override
  public NDArray rows(NDArray matrix, NDArray index) {
    return index.getNDArrayInternal().embedding(index, matrix, SparseFormat.DENSE).singletonOrThrow();
  }

  /**
   * On the PyTorch engine the backward pass is seeded with {@code seed} itself, which gives the same gradient as
   * back-propagating {@code Σ scores · seed} without the product, the sum and the ones that seed it: three engine
   * calls fewer. Other engines take the reference's path.
   */
  @Override
  public void backward(GradientCollector collector, NDArray scores, NDArray seed) {
    if (scores instanceof PtNDArray s && seed instanceof PtNDArray g) {
      JniUtils.backward(s, g, false, false);
    } else {
      ReferenceKernels.INSTANCE.backward(collector, scores, seed);
    }
  }

  /** Whether the maps are float32 in CPU memory, where reading them is a memory copy, and the result is small. */
  private static boolean onHost(NDArray maps, long outputValues) {
    return maps.getDevice().getDeviceType().equals(Device.Type.CPU) && maps.getDataType() == DataType.FLOAT32
        && outputValues <= MAX_HOST_VALUES;
  }

  /** Small enlargements of CPU maps; shrinking is left to the engine, whose kernel averages the covered pixels. */
  private static boolean enlargesOnHost(NDArray maps, int height, int width) {
    boolean enlarges = height >= maps.getShape().get(1) && width >= maps.getShape().get(2);
    return enlarges && onHost(maps, maps.getShape().get(0) * height * width);
  }

  private NDArray reduce(NDArray x, boolean average) {
    Shape shape = x.getShape();
    long positions = shape.get(2) * shape.get(3);
    float weight = average ? 1f / positions : 1f;
    Device device = x.getDevice();
    if (Device.Type.CPU.equals(device.getDeviceType()) && shape.size() <= MAX_PRODUCT_VALUES) {
      NDArray column = constant(new Key(device, x.getDataType(), new Shape(positions, 1), weight));
      return x.reshape(shape.get(0), shape.get(1), positions).matMul(column).reshape(shape.get(0), shape.get(1));
    }
    NDArray sum = ReferenceKernels.INSTANCE.spatialSum(x);
    return average ? sum.mul(constant(new Key(device, x.getDataType(), new Shape(), weight))) : sum;
  }

  /** How many constants are kept (for tests: a size seen before makes none). */
  int constantCount() {
    return constants.size();
  }

  private NDArray constant(Key key) {
    if (closed) throw new IllegalStateException("These fast kernels were closed; use MapKernels.active() or open new ones.");
    return constants.computeIfAbsent(key, k -> {
      NDManager owner = owners.computeIfAbsent(k.device(), NDManager::newBaseManager);
      return owner.full(k.shape(), k.value(), k.type());
    });
  }

  /** Frees the kept constants; a closed instance refuses further spatial reductions. */
  @Override
  public void close() {
    closed = true;
    owners.values().forEach(NDManager::close);
    owners.clear();
    constants.clear();
  }

  @Override
  public String toString() {
    return "fast";
  }
}
