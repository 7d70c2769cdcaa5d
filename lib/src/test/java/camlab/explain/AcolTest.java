package camlab.explain;

import static camlab.explain.CamTest.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import camlab.model.AcolHead;
import camlab.model.Architectures;
import camlab.model.Classifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class AcolTest {
  @Test
  void erasingZeroesExactlyThePositionsAtOrAboveDelta() {
    try (NDManager m = TestDevice.manager()) {
      // min–max of [0, 2, 4, 6, 8, 10] = [0, .2, .4, .6, .8, 1]; δ = 0.6 erases .6, .8, 1 (≥ δ)
      NDArray maps = m.create(new float[] {0, 2, 4, 6, 8, 10}, new Shape(1, 2, 3));
      assertArrayEquals(new float[] {1, 1, 1, 0, 0, 0}, AcolHead.keepMask(maps, 0.6f).toFloatArray());
      assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0}, AcolHead.keepMask(maps, 0.4f).toFloatArray());
      assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0}, AcolHead.keepMask(maps, 1f).toFloatArray());
      NDArray constant = m.ones(new Shape(1, 2, 2));
      assertArrayEquals(new float[] {1, 1, 1, 1}, AcolHead.keepMask(constant, 0.6f).toFloatArray(), "a flat map erases nothing");
    }
  }

  @Test
  void pickSelectsEachImagesClassChannel() {
    try (NDManager m = TestDevice.manager()) {
      NDArray maps = m.arange(2 * 3 * 2 * 1f).reshape(2, 3, 2, 1);
      NDArray picked = AcolHead.pick(maps, m.create(new long[] {2, 0}));
      assertArrayEquals(new float[] {4, 5, 6, 7}, picked.toFloatArray());
    }
  }

  @Test
  void branchBSeesTheErasedFeaturesAndTheFusedMapIsTheMaxOfBothNormalisedMaps() {
    Engine.getInstance().setRandomSeed(4);
    try (Classifier acol = Architectures.acol(64, names(10), 0.6f, TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(3, 1, 64, 64));
      NDArray a = acol.features(images);
      AcolHead head = (AcolHead) acol.headLayers().get(0);
      AcolHead.Branches b = head.branches(acol.parameterStore(), a, null, false);
      NDArray top1 = b.logitsA().argMax(1);
      assertArrayEquals(AcolHead.keepMask(AcolHead.pick(b.mapsA(), top1), 0.6f).toFloatArray(), b.keep().toFloatArray());
      assertTrue(b.keep().sum().getFloat() < 3 * 256, "something is erased");

      ActivationMaps fused = new AcolMaps().explain(acol, images);
      ActivationMaps mapA = AcolMaps.branch(AcolMaps.Output.BRANCH_A).explain(acol, images);
      ActivationMaps mapB = AcolMaps.branch(AcolMaps.Output.BRANCH_B).explain(acol, images);
      assertArrayEquals(mapA.maps().maximum(mapB.maps()).toFloatArray(), fused.maps().toFloatArray(), 1e-7f);
      assertArrayEquals(acol.logits(images).toFloatArray(), fused.logits().toFloatArray(), 1e-5f, "the model predicts with branch A");
      assertEquals(1f, fused.maps().max().getFloat(), 1e-6f);
      ActivationMaps conv1x1 = new Conv1x1Maps().explain(acol, images);
      assertArrayEquals(mapA.maps().toFloatArray(), conv1x1.normalize(ActivationMaps.Normalization.MIN_MAX).maps().toFloatArray(), 1e-5f,
          "ACoL's 1x1-conv map is branch A's map");
    }
  }

  @Test
  void trainingForwardTakesLabelsAndReturnsBothBranches() {
    Engine.getInstance().setRandomSeed(4);
    try (Classifier acol = Architectures.acol(64, names(10), 0.6f, TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      var outputs = acol.model().getBlock().forward(acol.parameterStore(), new ai.djl.ndarray.NDList(images, m.create(new long[] {1, 2})), true);
      assertEquals(2, outputs.size());
      assertEquals(new Shape(2, 10), outputs.get(1).getShape());
    }
  }

  @Test
  void acolMapsNeedAnAcolModel() {
    try (Classifier gap = Architectures.gapCnn(64, names(10), TestDevice.get()); NDManager m = TestDevice.manager()) {
      assertThrows(UnsupportedOperationException.class, () -> new AcolMaps().explain(gap, m.zeros(new Shape(1, 1, 64, 64))));
      assertThrows(IllegalArgumentException.class, () -> new AcolHead(10, 8, 0f));
    }
  }
}
