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
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import camlab.TestDevice;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class Conv1x1MapsTest {
  @Test
  void conv1x1PlusGapAndGapPlusLinearWithSharedWeightsGiveTheSameLogitsAndMapsDifferingByTheBias() {
    Engine.getInstance().setRandomSeed(21);
    int k = 6;
    int c = 4;
    Conv2d conv = (Conv2d) Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(c).build();
    Linear linear = Linear.builder().setUnits(c).build();
    try (Classifier nin = Classifier.create("nin", new LambdaBlock(x -> x), new SequentialBlock().add(conv).add(new GlobalAveragePooling()),
            new Shape(k, 5, 5), names(c), TestDevice.get());
        Classifier gap = Classifier.create("gap", new LambdaBlock(x -> x), new SequentialBlock().add(new GlobalAveragePooling()).add(linear),
            new Shape(k, 5, 5), names(c), TestDevice.get());
        NDManager m = TestDevice.manager()) {
      NDArray w = m.randomNormal(new Shape(c, k));
      NDArray bias = m.create(new float[] {0.5f, -1f, 2f, 0.25f});
      conv.getParameters().get("weight").getArray().set(w.reshape(c, k, 1, 1).toFloatArray());
      conv.getParameters().get("bias").getArray().set(bias.toFloatArray());
      linear.getParameters().get("weight").getArray().set(w.toFloatArray());
      linear.getParameters().get("bias").getArray().set(bias.toFloatArray());
      NDArray a = m.randomNormal(new Shape(3, k, 5, 5));
      for (int cls = 0; cls < c; cls++) {
        ActivationMaps fromConv = new Conv1x1Maps().explain(nin, a, Targets.allFor(cls));
        ActivationMaps cam = new Cam().explain(gap, a, Targets.allFor(cls));
        assertArrayEquals(gap.logits(a).toFloatArray(), fromConv.logits().toFloatArray(), 1e-5f);
        float b = bias.getFloat(cls);
        assertArrayEquals(cam.maps().add(b).toFloatArray(), fromConv.maps().toFloatArray(), 1e-5f);
        assertArrayEquals(cam.normalize(ActivationMaps.Normalization.MIN_MAX).maps().toFloatArray(),
            fromConv.normalize(ActivationMaps.Normalization.MIN_MAX).maps().toFloatArray(), 1e-5f, "the bias vanishes in min–max");
      }
    }
  }

  @Test
  void ninCnnMapsComeOutOfTheForwardPassAndOtherHeadsAreRefused() {
    Engine.getInstance().setRandomSeed(2);
    try (Classifier nin = Architectures.ninCnn(64, names(10), TestDevice.get()); Classifier gap = Architectures.gapCnn(64, names(10), TestDevice.get());
        NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
      ActivationMaps maps = new Conv1x1Maps().explain(nin, images);
      assertEquals(new Shape(2, 16, 16), maps.maps().getShape());
      assertArrayEquals(nin.logits(images).toFloatArray(), maps.logits().toFloatArray(), 1e-5f);
      assertArrayEquals(Cam.logitsFromMaps(maps.maps()).toFloatArray(),
          maps.logits().get(new ai.djl.ndarray.index.NDIndex("{}, {}", m.arange(2L), m.create(new long[] {maps.classes()[0], maps.classes()[1]}))).toFloatArray(), 1e-5f);
      UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, () -> new Conv1x1Maps().explain(gap, images));
      assertTrue(refused.getMessage().contains("1×1 convolution"), refused.getMessage());
    }
  }

}
