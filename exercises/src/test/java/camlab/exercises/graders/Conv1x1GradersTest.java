package camlab.exercises.graders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.caughtOnlyByHidden;
import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.graders.conv1x1.Conv1x1;
import camlab.exercises.graders.conv1x1.Conv1x1Grader;
import camlab.exercises.graders.conv1x1.Conv1x1HiddenGrader;
import camlab.exercises.graders.conv1x1.LogitsFromClassMaps;
import camlab.exercises.graders.conv1x1.LogitsFromClassMapsGrader;
import camlab.exercises.graders.conv1x1.LogitsFromClassMapsHiddenGrader;

/** The 5.x graders in this JVM. */
class Conv1x1GradersTest {
  @Test
  void convolutionsWrittenDifferentlyPass() {
    passes(Conv1x1Grader.class, Conv1x1HiddenGrader.class, (Conv1x1) (f, w, b) -> {
      long[] s = f.getShape().getShape();
      long c = w.getShape().get(0);
      return w.matMul(f.reshape(s[0], s[1], s[2] * s[3])).add(b.reshape(1, c, 1)).reshape(s[0], c, s[2], s[3]);
    });
    passes(Conv1x1Grader.class, Conv1x1HiddenGrader.class, (Conv1x1) (f, w, b) -> Conv2d.conv2d(f, w.reshape(w.getShape().get(0), w.getShape().get(1), 1, 1), b)
        .singletonOrThrow());
    passes(Conv1x1Grader.class, Conv1x1HiddenGrader.class, (Conv1x1) (f, w, b) -> {   // broadcasting: [B,1,K,h,w] · [1,C,K,1,1], summed over K
      long c = w.getShape().get(0);
      long k = w.getShape().get(1);
      NDArray terms = f.expandDims(1).mul(w.reshape(1, c, k, 1, 1));
      return terms.sum(new int[] {2}).add(b.reshape(1, c, 1, 1));
    });
    passes(Conv1x1Grader.class, Conv1x1HiddenGrader.class, (Conv1x1) (f, w, b) -> {   // in place on its own product: the arguments stay as they were
      long[] s = f.getShape().getShape();
      long c = w.getShape().get(0);
      return w.matMul(f.reshape(s[0], s[1], s[2] * s[3])).addi(b.reshape(1, c, 1)).reshape(s[0], c, s[2], s[3]);
    });
  }

  @Test
  void convolutionStubIsTodoAndMistakesFail() {
    todo(Conv1x1Grader.class, (Conv1x1) (f, w, b) -> { throw new NotSolvedYet("5.1"); });
    String noBias = firstFailure(Conv1x1Grader.class, (Conv1x1) (f, w, b) -> {
      long[] s = f.getShape().getShape();
      return w.matMul(f.reshape(s[0], s[1], s[2] * s[3])).reshape(s[0], w.getShape().get(0), s[2], s[3]);
    });
    assertTrue(noBias.contains("element [0][0][0][0] should be 1.5 but is 1.0"), noBias);
    String float64 = firstFailure(Conv1x1Grader.class, (Conv1x1) (f, w, b) -> Conv2d.conv2d(f.toType(DataType.FLOAT64, false),
        w.reshape(w.getShape().get(0), w.getShape().get(1), 1, 1).toType(DataType.FLOAT64, false), b.toType(DataType.FLOAT64, false))
        .singletonOrThrow());
    assertTrue(float64.startsWith("hand-computed: K=2 channels, C=3 classes") && float64.contains("returned float64"), float64);
  }

  @Test
  void convolutionInPlaceForOneChannelAndClassPassesTheVisibleTestsAndFailsTheHiddenOne() {
    String inPlace = caughtOnlyByHidden(Conv1x1Grader.class, Conv1x1HiddenGrader.class, (Conv1x1) (f, w, b) -> {
      long[] s = f.getShape().getShape();
      long c = w.getShape().get(0);
      if (s[1] == 1 && c == 1) return f.muli(w.getFloat(0, 0)).addi(b.getFloat(0));
      return w.matMul(f.reshape(s[0], s[1], s[2] * s[3])).add(b.reshape(1, c, 1)).reshape(s[0], c, s[2], s[3]);
    });
    assertTrue(inPlace.startsWith("a single channel (K = 1) or a single class (C = 1)") && inPlace.contains("conv1x1(features (1, 1, 1, 1),"
        + " weight (1, 1), bias (1)) modified its argument `features`"), inPlace);
  }

  @Test
  void logitsWrittenDifferentlyPass() {
    passes(LogitsFromClassMapsGrader.class, LogitsFromClassMapsHiddenGrader.class, (LogitsFromClassMaps) m -> m.mean(new int[] {3}).mean(new int[] {2}));
    passes(LogitsFromClassMapsGrader.class, LogitsFromClassMapsHiddenGrader.class, (LogitsFromClassMaps) m -> {
      long[] s = m.getShape().getShape();
      return m.reshape(s[0], s[1], -1).mean(new int[] {2});
    });
  }

  @Test
  void logitsStubIsTodoAndMistakesFail() {
    todo(LogitsFromClassMapsGrader.class, (LogitsFromClassMaps) m -> { throw new NotSolvedYet("5.2"); });
    String softmax = firstFailure(LogitsFromClassMapsGrader.class, (LogitsFromClassMaps) m -> m.mean(new int[] {3}).mean(new int[] {2}).softmax(1));
    assertTrue(softmax.contains("logits, no softmax)") && softmax.contains("element [0][0] should be 3.0 but is 0.98"), softmax);
    String float64 = firstFailure(LogitsFromClassMapsGrader.class, (LogitsFromClassMaps) m -> {
      long[] s = m.getShape().getShape();
      float[] v = m.toFloatArray();
      int hw = (int) (s[2] * s[3]);
      double[] out = new double[(int) (s[0] * s[1])];
      for (int i = 0; i < out.length; i++) {
        for (int p = 0; p < hw; p++) out[i] += v[i * hw + p];
        out[i] /= hw;
      }
      return m.getManager().create(out, new Shape(s[0], s[1]));
    });
    assertTrue(float64.startsWith("hand-computed: two images, two classes") && float64.contains("returned float64"), float64);
  }

  @Test
  void logitsThatSqueezeEveryUnitAxisPassTheVisibleTestsAndFailTheHiddenOne() {
    String squeezed = caughtOnlyByHidden(LogitsFromClassMapsGrader.class, LogitsFromClassMapsHiddenGrader.class,
        (LogitsFromClassMaps) m -> m.mean(new int[] {3}, true).mean(new int[] {2}, true).squeeze());
    assertTrue(squeezed.startsWith("a single image (B = 1) or a single class (C = 1)") && squeezed.contains("logitsFromClassMaps(classMaps"
        + " (1, 10, 7, 7)) returned shape (10) but the result must have shape (1, 10)"), squeezed);
  }
}
