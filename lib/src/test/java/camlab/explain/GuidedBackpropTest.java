package camlab.explain;

import static camlab.explain.CamTest.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import camlab.TestDevice;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import camlab.ops.MapOps;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class GuidedBackpropTest {
  /**
   * features: 1×1 conv from {@code in} channels to {@code convWeights.length / in} filters (no bias), ReLU; head: GAP, bias-free
   * Linear. Every gradient of it can be written down by hand.
   */
  static Classifier handSet(int in, float[] convWeights, int classes, float[] linearWeights, int size) {
    int filters = convWeights.length / in;
    Conv2d conv = Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).optBias(false).build();
    Linear linear = Linear.builder().setUnits(classes).optBias(false).build();
    Block features = new SequentialBlock().add(conv).add(Activation.reluBlock());
    Block head = new SequentialBlock().add(new GlobalAveragePooling()).add(linear);
    Classifier c = Classifier.create("hand-set", features, head, new Shape(in, size, size), names(classes), TestDevice.get());
    conv.getParameters().get("weight").getArray().set(convWeights);
    linear.getParameters().get("weight").getArray().set(linearWeights);
    return c;
  }

  @Test
  void guidedGradientOfAHandSetNetwork() {
    // conv filters (1) and (−1): A_0 = ReLU(x), A_1 = ReLU(−x); logit c = (w_c0·ΣA_0 + w_c1·ΣA_1)/4, class 0: w = (2, −1).
    // ∂/∂A_0 = 0.5, ∂/∂A_1 = −0.25. Guided: ReLU 0 passes 0.5 where x > 0, ReLU 1 blocks −0.25 → R_0 = 0.5·1[x > 0].
    // Plain: 0.5·1[x > 0] + (−1)(−0.25)·1[x < 0] = 0.25 where x < 0.
    try (Classifier model = handSet(1, new float[] {1, -1}, 2, new float[] {2, -1, -1, 2}, 2); NDManager m = TestDevice.manager()) {
      NDArray x = m.create(new float[] {1, -2, 3, 0.5f}, new Shape(1, 1, 2, 2));
      ActivationMaps guided = new GuidedBackprop().explain(model, x, Targets.allFor(0));
      assertArrayEquals(new float[] {0.5f, 0, 0.5f, 0.5f}, guided.maps().toFloatArray(), 1e-7f);
      assertEquals(new Shape(1, 2, 2), guided.maps().getShape());
      assertEquals("guided-backprop", guided.method());
      // class 1: w = (−1, 2): ∂/∂A_0 = −0.25 blocked, ∂/∂A_1 = 0.5 passes where −x > 0 and flows back through the −1 filter
      assertArrayEquals(new float[] {0, 0.5f, 0, 0}, new GuidedBackprop().explain(model, x, Targets.allFor(1)).maps().toFloatArray(), 1e-7f);
      assertArrayEquals(new float[] {0.5f, 0.25f, 0.5f, 0.5f}, plainGradientMap(model, x, 0), 1e-7f);
      // logits: ΣA_0 = 4.5, ΣA_1 = 2 → class 0: (9 − 2)/4 = 1.75, class 1: (−4.5 + 4)/4 = −0.125; top-1 is class 0
      assertArrayEquals(new int[] {0}, new GuidedBackprop().explain(model, x).classes());
      assertArrayEquals(new float[] {1.75f, -0.125f}, guided.logits().toFloatArray(), 1e-6f);
    }
  }

  @Test
  void theMapIsTheLargestMagnitudeOverInputChannels() {
    // one filter (1, −3) over two input channels; w = 2: ∂/∂A = 0.5 ≥ 0 passes where z = x_0 − 3·x_1 > 0, giving
    // R = (0.5, −1.5) there → map 1.5; where z ≤ 0 the ReLU stops it → 0. With w = −2 everything is blocked.
    try (Classifier model = handSet(2, new float[] {1, -3}, 2, new float[] {2, -2}, 2); NDManager m = TestDevice.manager()) {
      NDArray x = m.create(new float[] {1, 1, 1, 1, 0, 1, -1, 0.25f}, new Shape(1, 2, 2, 2)); // z = (1, −2, 4, 0.25)
      assertArrayEquals(new float[] {1.5f, 0, 1.5f, 1.5f}, new GuidedBackprop().explain(model, x, Targets.allFor(0)).maps().toFloatArray(), 1e-7f);
      assertArrayEquals(new float[4], new GuidedBackprop().explain(model, x, Targets.allFor(1)).maps().toFloatArray(), 0f);
    }
  }

  @Test
  void guidedEqualsThePlainGradientWhenNoReluBlocksAnything() {
    // weights after every ReLU and of the target class non-negative: every gradient reaching a ReLU is ≥ 0, so the guided
    // rule 1[f > 0]·max(R, 0) and the plain one 1[f > 0]·R agree, while the ReLUs still zero the negative inputs
    Engine.getInstance().setRandomSeed(21);
    Conv2d first = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build();
    Conv2d second = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(6).build();
    Linear linear = Linear.builder().setUnits(3).build();
    Block features = new SequentialBlock().add(first).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(second).add(Activation.reluBlock());
    Block head = new SequentialBlock().add(new GlobalAveragePooling()).add(linear);
    try (Classifier model = Classifier.create("positive-after-relu", features, head, new Shape(2, 8, 8), names(3), TestDevice.get());
        NDManager m = TestDevice.manager()) {
      for (Parameter p : List.of(second.getParameters().get("weight"), linear.getParameters().get("weight"))) p.getArray().set(p.getArray().abs().toFloatArray());
      NDArray x = m.randomNormal(new Shape(3, 2, 8, 8));
      float[] guided = new GuidedBackprop().explain(model, x, Targets.perImage(0, 1, 2)).maps().toFloatArray();
      float[] plain = new float[guided.length];
      for (int b = 0; b < 3; b++) System.arraycopy(plainGradientMap(model, x.get(b + ":" + (b + 1)), b), 0, plain, b * 64, 64);
      assertArrayEquals(plain, guided, 1e-6f);
      long zero = java.util.stream.IntStream.range(0, guided.length).filter(i -> guided[i] == 0).count();
      assertTrue(zero < guided.length / 2, "the gradient reaches most pixels");
      // and a negative class weight makes them differ: the guided rule now blocks something
      linear.getParameters().get("weight").getArray().set(m.randomNormal(new Shape(3, 6)).toFloatArray());
      second.getParameters().get("weight").getArray().set(m.randomNormal(new Shape(6, 4, 3, 3)).toFloatArray());
      float[] guidedNow = new GuidedBackprop().explain(model, x.get("0:1"), Targets.allFor(0)).maps().toFloatArray();
      assertFalse(java.util.Arrays.equals(guidedNow, plainGradientMap(model, x.get("0:1"), 0)));
    }
  }

  @Test
  void everyCourseModelOfOneChainIsSupportedAndBatchesMatchSingleImages() {
    Engine.getInstance().setRandomSeed(4);
    for (String architecture : List.of("gap-cnn", "fc-cnn", "nin-cnn", "acol")) {
      try (Classifier model = Architectures.create(architecture, 32, names(4), TestDevice.get()); NDManager m = TestDevice.manager()) {
        NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 32, 32));
        ActivationMaps batch = new GuidedBackprop().explain(model, images, Targets.perImage(3, 1));
        assertEquals(new Shape(2, 32, 32), batch.maps().getShape(), architecture);
        assertArrayEquals(model.logits(images).toFloatArray(), batch.logits().toFloatArray(), 1e-5f, architecture + " logits");
        for (int b = 0; b < 2; b++) {
          ActivationMaps one = new GuidedBackprop().explain(model, images.get(b + ":" + (b + 1)), Targets.allFor(b == 0 ? 3 : 1));
          assertArrayEquals(one.maps().toFloatArray(), batch.maps().get(b).toFloatArray(), 1e-6f, architecture);
        }
        assertTrue(batch.maps().max().getFloat() > 0, architecture + ": some pixel matters");
        // the same network split elsewhere: the same guided gradient
        ActivationMaps early = new GuidedBackprop().explain(model.splitAt("conv2"), images, Targets.perImage(3, 1));
        assertArrayEquals(batch.maps().toFloatArray(), early.maps().toFloatArray(), 1e-6f, architecture + " split at conv2");
      }
    }
  }

  @Test
  void guidedGradCamIsGuidedBackpropTimesUpsampledGradCam() {
    // hand-set, features at the input resolution: Grad-CAM for class 0 = ReLU(0.5·A_0 − 0.25·A_1) with A_0 = ReLU(x),
    // A_1 = ReLU(−x): x = (1, −2, 3, 0.5) gives (0.5, 0, 1.5, 0.25); Guided Backprop (0.5, 0, 0.5, 0.5) → product
    try (Classifier model = handSet(1, new float[] {1, -1}, 2, new float[] {2, -1, -1, 2}, 2); NDManager m = TestDevice.manager()) {
      NDArray x = m.create(new float[] {1, -2, 3, 0.5f}, new Shape(1, 1, 2, 2));
      ActivationMaps map = new GuidedGradCam().explain(model, x, Targets.allFor(0));
      assertArrayEquals(new float[] {0.25f, 0, 0.75f, 0.125f}, map.maps().toFloatArray(), 1e-7f);
      assertEquals("guided-gradcam", map.method());
    }
    Engine.getInstance().setRandomSeed(6);
    try (Classifier model = Architectures.gapCnn(32, names(4), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 32, 32));
      ActivationMaps guided = new GuidedBackprop().explain(model, images);
      ActivationMaps gradCam = new GradCam().explain(model, images);
      NDArray expected = guided.maps().mul(MapOps.upsampleBilinear(gradCam.maps(), 32, 32));
      ActivationMaps product = new GuidedGradCam().explain(model, images);
      assertArrayEquals(guided.classes(), product.classes());
      assertArrayEquals(expected.toFloatArray(), product.maps().toFloatArray(), 1e-7f);
    }
  }

  @Test
  void modelsThatAreNotOneChainAreRefusedWithTheReason() {
    try (Classifier resnet = Architectures.resnet18(new Shape(1, 32, 32), names(3), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray x = m.zeros(new Shape(1, 1, 32, 32));
      for (Explainer e : new Explainer[] {new GuidedBackprop(), new GuidedGradCam()}) {
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, () -> e.explain(resnet, x));
        assertTrue(refused.getMessage().contains("is not supported for the resnet18 model because it has parallel branches"), refused.getMessage());
      }
    }
  }

  @Test
  void neitherParametersGradientsNorManagersChange() {
    Engine.getInstance().setRandomSeed(9);
    try (Classifier model = Architectures.fcCnn(32, names(4), TestDevice.get()); NDManager m = TestDevice.manager()) {
      NDArray images = m.randomUniform(0, 1, new Shape(2, 1, 32, 32));
      try (GradientCollector training = Engine.getInstance().newGradientCollector()) {
        training.backward(model.logits(images).sum());
      }
      List<NDArray> parameters = model.model().getBlock().getParameters().values().stream().map(Parameter::getArray)
          .filter(NDArray::hasGradient).toList();
      List<float[]> before = parameters.stream().map(p -> p.getGradient().toFloatArray()).toList();
      GuidedGradCam method = new GuidedGradCam();
      method.explain(model, images); // warm-up
      int modelArrays = model.model().getNDManager().getManagedArrays().size();
      int callerArrays = m.getManagedArrays().size();
      for (int i = 0; i < 50; i++) {
        try (NDManager call = m.newSubManager()) {
          NDArray x = images.get("0:1");
          x.attach(call);
          method.explain(model, x);
        }
      }
      assertEquals(modelArrays, model.model().getNDManager().getManagedArrays().size());
      assertEquals(callerArrays, m.getManagedArrays().size());
      for (int i = 0; i < parameters.size(); i++) {
        assertTrue(parameters.get(i).hasGradient());
        assertArrayEquals(before.get(i), parameters.get(i).getGradient().toFloatArray(), 0f, "parameter " + i);
      }
    }
  }

  @Test
  void guidedMapsMatchPyTorchOnTheSameSequentialNetwork() throws Exception {
    // tools/torchscript_reference.py built this network in PyTorch, saved its weights and computed both maps with
    // captum's rule (a backward hook on every ReLU); here DJL builds the same layers and loads those weights
    java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/torchscript/guided");
    Conv2d conv1 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build();
    ai.djl.nn.norm.BatchNorm norm = ai.djl.nn.norm.BatchNorm.builder().build();
    Conv2d conv2 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(12).build();
    Linear hidden = Linear.builder().setUnits(16).build();
    Linear out = Linear.builder().setUnits(5).build();
    Block features = new SequentialBlock().add(conv1).add(norm).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2))).add(conv2)
        .add(Activation.reluBlock());
    Block head = new SequentialBlock().add(Pool.avgPool2dBlock(new Shape(4, 4))).add(ai.djl.nn.Blocks.batchFlattenBlock()).add(hidden)
        .add(Activation.reluBlock()).add(out);
    try (Classifier model = Classifier.create("torch-sequential", features, head, new Shape(3, 32, 32), names(5), TestDevice.get());
        NDManager m = TestDevice.manager()) {
      load(m, dir, "0.weight", conv1, "weight");
      load(m, dir, "0.bias", conv1, "bias");
      load(m, dir, "1.weight", norm, "gamma");
      load(m, dir, "1.bias", norm, "beta");
      load(m, dir, "1.running_mean", norm, "runningMean");
      load(m, dir, "1.running_var", norm, "runningVar");
      load(m, dir, "4.weight", conv2, "weight");
      load(m, dir, "4.bias", conv2, "bias");
      load(m, dir, "head.2.weight", hidden, "weight");
      load(m, dir, "head.2.bias", hidden, "bias");
      load(m, dir, "head.4.weight", out, "weight");
      load(m, dir, "head.4.bias", out, "bias");
      NDArray x = camlab.util.Npy.read(m, dir.resolve("x.npy"));
      Targets classes = Targets.perImage(4, 0, 2);
      assertRelativelyClose(camlab.util.Npy.read(m, dir.resolve("ref-guided-backprop-classes.npy")),
          new GuidedBackprop().explain(model, x, classes).maps(), "guided-backprop");
      assertRelativelyClose(camlab.util.Npy.read(m, dir.resolve("ref-guided-gradcam-classes.npy")),
          new GuidedGradCam().explain(model, x, classes).maps(), "guided-gradcam");
    }
  }

  private static void load(NDManager m, java.nio.file.Path dir, String torchName, Block block, String djlName) throws java.io.IOException {
    NDArray value = camlab.util.Npy.read(m, dir.resolve("weight-" + torchName + ".npy"));
    NDArray parameter = block.getParameters().get(djlName).getArray();
    assertEquals(parameter.getShape(), value.getShape(), torchName);
    parameter.set(value.toFloatArray());
  }

  private static void assertRelativelyClose(NDArray expected, NDArray actual, String what) {
    assertEquals(expected.getShape(), actual.getShape(), what);
    float scale = expected.abs().max().getFloat();
    assertTrue(scale > 1e-8, what + ": the reference is not all zeros");
    float error = expected.sub(actual).abs().max().getFloat() / scale;
    assertTrue(error < 1e-4, what + ": relative error " + error);
  }

  /** max over channels of |∂y_c/∂x| by one plain autograd pass through the whole network: the reference. */
  static float[] plainGradientMap(Classifier model, NDArray image, int target) {
    try (NDManager scratch = image.getManager().newSubManager()) {
      NDArray leaf = image.duplicate();
      leaf.attach(scratch);
      leaf.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(model.logits(leaf).get(":, " + target).sum());
      }
      return leaf.getGradient().abs().max(new int[] {1}).toFloatArray();
    }
  }
}
