package camlab.exercises.graders;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;

import static camlab.exercises.graders.GraderChecks.caughtOnlyByHidden;
import static camlab.exercises.graders.GraderChecks.firstFailure;
import static camlab.exercises.graders.GraderChecks.passes;
import static camlab.exercises.graders.GraderChecks.todo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.graders.gradcam.CounterfactualMap;
import camlab.exercises.graders.gradcam.CounterfactualMapGrader;
import camlab.exercises.graders.gradcam.CounterfactualMapHiddenGrader;
import camlab.exercises.graders.gradcam.GradCamMap;
import camlab.exercises.graders.gradcam.GradCamMapGrader;
import camlab.exercises.graders.gradcam.GradCamMapHiddenGrader;
import camlab.exercises.graders.gradcam.GradCamWeights;
import camlab.exercises.graders.gradcam.GradCamWeightsGrader;
import camlab.exercises.graders.gradcam.GradCamWeightsHiddenGrader;
import camlab.model.Classifier;

/** The 3.x graders in this JVM. */
class GradCamGradersTest {
  private static NDArray weights(Classifier model, NDArray activations, int c, boolean sumThenDivide) {
    NDArray leaf = model.gradientLeaf(activations);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray logits = model.headForGradients(leaf);
      collector.backward(logits.get(":, " + c).sum());
    }
    NDArray g = leaf.getGradient();
    if (!sumThenDivide) return g.mean(new int[] {3}).mean(new int[] {2});
    return g.sum(new int[] {2, 3}).div(g.getShape().get(2) * g.getShape().get(3));
  }

  @Test
  void weightsWrittenDifferentlyPass() {
    passes(GradCamWeightsGrader.class, GradCamWeightsHiddenGrader.class, (GradCamWeights) (m, a, c) -> weights(m, a, c, false));
    passes(GradCamWeightsGrader.class, GradCamWeightsHiddenGrader.class, (GradCamWeights) (m, a, c) -> weights(m, a, c, true));
    // a one-hot mask instead of indexing, and the plain head instead of headForGradients (same for a DJL head)
    passes(GradCamWeightsGrader.class, GradCamWeightsHiddenGrader.class, (GradCamWeights) (m, a, c) -> {
      NDArray leaf = a.duplicate();
      leaf.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = m.head(leaf);
        NDArray oneHot = a.getManager().create(new int[] {c}).oneHot(m.numClasses()).toType(logits.getDataType(), false);
        collector.backward(logits.mul(oneHot).sum());
      }
      long[] s = a.getShape().getShape();
      return leaf.getGradient().reshape(s[0], s[1], -1).mean(new int[] {2});
    });
  }

  @Test
  void weightsStubIsTodo() {
    todo(GradCamWeightsGrader.class, (GradCamWeights) (m, a, c) -> { throw new NotSolvedYet("3.1"); });
  }

  @Test
  void weightMistakesFail() {
    String sum = firstFailure(GradCamWeightsGrader.class, (GradCamWeights) (m, a, c) -> weights(m, a, c, false).mul(4));
    assertTrue(sum.startsWith("GAP + Linear head") && sum.contains("element [0][0] should be 0.5 but is 2.0"), sum);
  }

  @Test
  void gradientsPiledUpOnTheCallersArrayPassTheVisibleTestsAndFailTheRepeatedCall() {
    String accumulating = caughtOnlyByHidden(GradCamWeightsGrader.class, GradCamWeightsHiddenGrader.class, (GradCamWeights) (m, a, c) -> {
      a.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(m.headForGradients(a).get(":, " + c).sum());
      }
      return a.getGradient().mean(new int[] {3}).mean(new int[] {2});
    });
    assertTrue(accumulating.startsWith("calling twice") && accumulating.contains("the second call on the same activations")
        && accumulating.contains("model.gradientLeaf(activations)"), accumulating);
  }

  @Test
  void weightsOfAnotherDtypeFail() {
    String float64 = firstFailure(GradCamWeightsGrader.class, (GradCamWeights) (m, a, c) -> weights(m, a, c, false).toType(DataType.FLOAT64, false));
    assertTrue(float64.startsWith("GAP + Linear head") && float64.contains("returned float64; the result must be float32"), float64);
  }

  @Test
  void mapsWrittenDifferentlyPass() {
    passes(GradCamMapGrader.class, GradCamMapHiddenGrader.class,
        (GradCamMap) (a, w) -> a.mul(w.expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f));
    passes(GradCamMapGrader.class, GradCamMapHiddenGrader.class, (GradCamMap) (a, w) -> {   // a matrix product per image
      long[] s = a.getShape().getShape();
      return w.expandDims(1).matMul(a.reshape(s[0], s[1], s[2] * s[3])).reshape(s[0], s[2], s[3]).maximum(0f);
    });
    passes(CounterfactualMapGrader.class, CounterfactualMapHiddenGrader.class,
        (CounterfactualMap) (a, w) -> a.mul(w.expandDims(2).expandDims(3)).sum(new int[] {1}).neg().maximum(0f));
    passes(CounterfactualMapGrader.class, CounterfactualMapHiddenGrader.class,
        (CounterfactualMap) (a, w) -> a.neg().mul(w.expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f));
  }

  @Test
  void mapStubsAreTodo() {
    todo(GradCamMapGrader.class, (GradCamMap) (a, w) -> { throw new NotSolvedYet("3.2"); });
    todo(CounterfactualMapGrader.class, (CounterfactualMap) (a, w) -> { throw new NotSolvedYet("3.3"); });
  }

  @Test
  void mapMistakesFail() {
    String noRelu = firstFailure(GradCamMapGrader.class, (GradCamMap) (a, w) -> a.mul(w.expandDims(2).expandDims(3)).sum(new int[] {1}));
    assertTrue(noRelu.contains("element [0][0][2] should be 0.0 but is -3.0"), noRelu);
    String notNegated = firstFailure(CounterfactualMapGrader.class,
        (CounterfactualMap) (a, w) -> a.mul(w.expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f));
    assertTrue(notNegated.contains("element [0][0][0] should be 0.0 but is 1.0"), notNegated);
  }

  @Test
  void mapsOfAnotherDtypeFail() {
    String float64 = firstFailure(GradCamMapGrader.class,
        (GradCamMap) (a, w) -> a.mul(w.expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f).toType(DataType.FLOAT64, false));
    assertTrue(float64.startsWith("hand-computed: two images") && float64.contains("returned float64"), float64);
    String float16 = firstFailure(CounterfactualMapGrader.class,
        (CounterfactualMap) (a, w) -> a.mul(w.neg().expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f).toType(DataType.FLOAT16, false));
    assertTrue(float16.contains("returned float16; the result must be float32 — float16 keeps only about 3 significant digits"), float16);
  }

  @Test
  void mapsThatChangeTheirArgumentsForOneChannelOnlyPassTheVisibleTestsAndFailTheHiddenOne() {
    String oneChannel = caughtOnlyByHidden(GradCamMapGrader.class, GradCamMapHiddenGrader.class, (GradCamMap) (a, w) -> w.getShape().get(1) == 1
        ? a.muli(w.expandDims(2).expandDims(3)).squeeze(1).maximum(0f)
        : a.mul(w.expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f));
    assertTrue(oneChannel.startsWith("a single channel (K = 1)") && oneChannel.contains("gradCamMap(activations (1, 1, 1, 1), weights"
        + " (1, 1)) modified its argument `activations`"), oneChannel);
  }

  @Test
  void counterfactualMapsThatClampTheActivationsPassTheVisibleTestsAndFailOnSignedActivations() {
    String clamped = caughtOnlyByHidden(CounterfactualMapGrader.class, CounterfactualMapHiddenGrader.class,
        (CounterfactualMap) (a, w) -> a.maximum(0f).mul(w.neg().expandDims(2).expandDims(3)).sum(new int[] {1}).maximum(0f));
    assertTrue(clamped.startsWith("activations of either sign") && clamped.contains("counterfactualMap(activations (2, 3, 4, 5), weights"
        + " (2, 3)) (activations of either sign, as at a layer before its ReLU): element"), clamped);
  }
}
