package camlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import camlab.TestDevice;
import camlab.util.Npy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The head's kind is decided when the model is built, from its layers or, for TorchScript, from what it computes. */
@Tag(TestDevice.ENGINE)
class HeadKindTest {
  private static final List<String> TEN = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  @Test
  void eachCourseHeadHasItsKind() {
    try (Classifier gap = Architectures.gapCnn(64, TEN, TestDevice.get()); Classifier fc = Architectures.fcCnn(64, TEN, TestDevice.get());
        Classifier nin = Architectures.ninCnn(64, TEN, TestDevice.get());
        Classifier acol = Architectures.acol(64, TEN, AcolHead.DEFAULT_DELTA, TestDevice.get())) {
      HeadKind.GapLinear linear = assertInstanceOf(HeadKind.GapLinear.class, gap.headKind());
      Linear layer = (Linear) gap.headLayers().get(1);
      assertSame(layer.getParameters().get("weight").getArray(), linear.weights(), "W is the Linear layer's own weight");
      assertEquals(fc.headLayers().size(), assertInstanceOf(HeadKind.Other.class, fc.headKind()).layers().size(), "a hidden layer: other");
      assertSame(nin.headLayers().get(0), assertInstanceOf(HeadKind.Conv1x1Gap.class, nin.headKind()).conv());
      assertSame(acol.headLayers().get(0), assertInstanceOf(HeadKind.Acol.class, acol.headKind()).head());
      // at an earlier split the later conv stages join the head: no longer GAP + Linear
      try (Classifier early = gap.splitAt("conv3")) {
        assertInstanceOf(HeadKind.Other.class, early.headKind());
        assertInstanceOf(HeadKind.GapLinear.class, gap.headKind(), "the full model keeps its kind");
      }
    }
  }

  @Test
  void aScriptedHeadIsGapLinearOnlyWhenItComputesThat() throws Exception {
    Path fixtures = Path.of("src/test/resources/torchscript");
    try (NDManager m = TestDevice.manager()) {
      for (String name : List.of("gap", "fc")) {
        Path dir = fixtures.resolve(name);
        NDArray x = Npy.read(m, dir.resolve("x.npy"));
        try (Classifier c = TorchScriptModels.load(dir.resolve("features.pt"), dir.resolve("head.pt"), x.getShape().slice(1), null, m.getDevice())) {
          if (name.equals("gap")) {
            NDArray w = assertInstanceOf(HeadKind.GapLinear.class, c.headKind()).weights();
            assertEquals(2, w.getShape().dimension());
            assertEquals(c.numClasses(), w.getShape().get(0));
          } else {
            assertInstanceOf(HeadKind.Other.class, c.headKind());
          }
        }
      }
    }
  }
}
