package camlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class TargetsTest {
  @Test
  void resolvesTop1SingleAndPerImageTargets() {
    try (NDManager m = TestDevice.manager()) {
      NDArray logits = m.create(new float[] {0, 5, 1, 9, 2, 3}, new Shape(2, 3));
      assertArrayEquals(new int[] {1, 0}, Targets.top1().resolve(logits));
      assertArrayEquals(new int[] {2, 2}, Targets.allFor(2).resolve(logits));
      assertArrayEquals(new int[] {2, 1}, Targets.perImage(2, 1).resolve(logits));
      assertArrayEquals(new int[] {1, 0}, Targets.of().resolve(logits));
    }
  }

  @Test
  void resolvedOnTheDeviceTheIndexHoldsTheSameClasses() {
    try (NDManager m = TestDevice.manager()) {
      NDArray logits = m.create(new float[] {0, 5, 1, 9, 2, 3}, new Shape(2, 3));
      for (Targets t : new Targets[] {Targets.top1(), Targets.allFor(2), Targets.perImage(2, 1)}) {
        Targets.Resolved r = t.resolveOnDevice(logits);
        assertArrayEquals(t.resolve(logits), r.classes(), t.toString());
        assertArrayEquals(new long[] {r.classes()[0], r.classes()[1]}, r.index().toLongArray(), t.toString());
        assertTrue(r.index().getManager() == logits.getManager(), "the index lives with the logits");
      }
      assertThrows(IllegalArgumentException.class, () -> Targets.perImage(1, 2, 0).resolveOnDevice(logits));
      assertThrows(IllegalArgumentException.class, () -> Targets.allFor(3).resolveOnDevice(logits));
    }
  }

  @Test
  void batchTargetMismatchAndOutOfRangeAreClearErrors() {
    try (NDManager m = TestDevice.manager()) {
      NDArray logits = m.zeros(new Shape(3, 10));
      IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class, () -> Targets.perImage(1, 2).resolve(logits));
      assertTrue(mismatch.getMessage().contains("3 images but 2 target classes"), mismatch.getMessage());
      IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> Targets.allFor(10).resolve(logits));
      assertTrue(range.getMessage().contains("0..9"), range.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Targets.allFor(-1).resolve(logits));
    }
  }
}
