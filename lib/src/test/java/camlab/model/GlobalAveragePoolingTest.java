package camlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import camlab.TestDevice;
import camlab.ops.SpatialReduction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag(TestDevice.ENGINE)
class GlobalAveragePoolingTest {
  /**
   * The backward pass scales by 1/(h·w) again, with the constant the forward pass saved. A constant made from a Java
   * number lives in a direct buffer that DJL's array keeps only until it is closed, so after a collection the graph
   * would read freed memory (here: memory refilled with 10⁹). The constant must be memory the engine owns.
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 3 * 64 * 4}) // small: the matrix product; above SpatialReduction's limit: the engine's sum
  void backwardPassStillDividesByTheAreaAfterAGarbageCollection(int batch) throws InterruptedException {
    try (NDManager manager = TestDevice.manager()) {
      NDArray activations = manager.randomNormal(new Shape(batch, 3, 16, 16));
      activations.setRequiresGradient(true);
      List<ByteBuffer> refill;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray pooled = GlobalAveragePooling.pool(activations);
        refill = collectAndRefillNativeMemory();
        collector.backward(pooled.sum());
      }
      for (float g : activations.getGradient().toFloatArray()) assertEquals(1f / 256, g, 0f, "∂ΣGAP/∂A = 1/(h·w)");
      assertEquals(20_000, refill.size());
    }
  }

  /** Lets the garbage collector free unreachable direct buffers, then allocates small ones holding 10⁹. */
  private static List<ByteBuffer> collectAndRefillNativeMemory() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50); // the Cleaner thread frees the native memory
    }
    List<ByteBuffer> refill = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) refill.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1e9f));
    return refill;
  }
}
