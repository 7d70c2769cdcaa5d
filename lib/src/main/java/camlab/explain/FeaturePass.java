package camlab.explain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import camlab.model.Classifier;
import camlab.ops.kernels.MapKernels;
import camlab.util.HostToEngine;
import java.util.Arrays;

/**
 * One pass of a batch through a split classifier: the activations A {@code [B, K, h, w]}, the logits,
 * the resolved target classes (on the host and on the device) and — for gradient methods — ∂score/∂A,
 * computed by back-propagating through the head only (A is a leaf, so nothing upstream of the split is
 * touched).
 */
final class FeaturePass {
  final NDArray activations;
  final NDArray logits;
  final int[] classes;
  final NDArray classIndex; // the classes as int64 [B] on the device
  final NDArray gradients; // null when not requested

  private FeaturePass(NDArray activations, NDArray logits, Targets.Resolved targets, NDArray gradients) {
    this.activations = activations;
    this.logits = logits;
    this.classes = targets.classes();
    this.classIndex = targets.index();
    this.gradients = gradients;
  }

  /** Forward only: A and the logits. */
  static FeaturePass forward(Classifier model, NDArray images, Targets targets) {
    NDArray a = model.features(images);
    NDArray logits = model.head(a);
    return new FeaturePass(a, logits, targets.resolveOnDevice(logits), null);
  }

  /** Forward, then the gradient of each image's target score with respect to A. */
  static FeaturePass withGradients(Classifier model, NDArray images, Targets targets, Score score) {
    NDArray a = model.features(images); // outside the collector: no graph upstream of A
    NDArray leaf;
    NDArray logits;
    Targets.Resolved classes;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      leaf = model.gradientLeaf(a);
      logits = model.headForGradients(leaf);
      classes = targets.resolveOnDevice(logits);
      NDArray scores = score == Score.PROBABILITY ? logits.softmax(1) : logits;
      backwardFromTargets(collector, scores, classes, model.device());
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("already collecting")) {
        throw new IllegalStateException("Gradient methods need their own GradientCollector, but one is already open (are you inside a"
            + " training step?). Explain after closing it.", e);
      }
      throw e;
    }
    NDArray gradients = leaf.getGradient();
    NDArray frozenLogits = logits.stopGradient();
    return new FeaturePass(leaf.stopGradient(), frozenLogits, classes, gradients);
  }

  /**
   * Back-propagates the target score of every image, y[b, classes[b]], at once: images are independent, so one
   * backward pass gives each image its own gradient, that of {@code Σ_b y[b, classes[b]] = Σ scores · onehot}.
   */
  static void backwardFromTargets(GradientCollector collector, NDArray scores, Targets.Resolved classes, Device device) {
    MapKernels.active().backward(collector, scores, oneHot(scores, classes, device));
  }

  /**
   * The {@code [B, C]} one-hot of the classes, shaped and typed like the scores. On the CPU it is written from the
   * classes already read back, in one call; the engine's one_hot first checks its input's range with two reductions.
   * On a GPU it is made on the device from the class array there, so nothing goes back. {@code device} is the model's,
   * where the scores are: known in Java, where asking a fresh array for its device is an engine call.
   */
  private static NDArray oneHot(NDArray scores, Targets.Resolved classes, Device device) {
    int numClasses = Math.toIntExact(scores.getShape().get(1));
    if (!device.getDeviceType().equals(Device.Type.CPU)) {
      return classes.index().oneHot(numClasses, scores.getDataType());
    }
    int[] c = classes.classes();
    float[] oneHot = new float[c.length * numClasses];
    for (int b = 0; b < c.length; b++) oneHot[b * numClasses + c[b]] = 1f;
    return HostToEngine.floats(scores.getManager(), oneHot, scores.getShape()).toType(scores.getDataType(), false);
  }

  /**
   * Σ_k weights[b, k] · A[b, k] for every image: {@code [B, K]} × {@code [B, K, h, w]} → {@code [B, h, w]}, a batched
   * matrix product {@code [B, 1, K] · [B, K, h·w]}. One image takes a plain one, {@code [1, K] · [K, h·w]}: the same
   * numbers with one engine call fewer and no batched-product dispatch.
   */
  static NDArray weightedSum(NDArray weights, NDArray activations) {
    long[] s = activations.getShape().getShape();
    if (s[0] == 1) return weights.matMul(activations.reshape(s[1], s[2] * s[3])).reshape(1, s[2], s[3]);
    return weights.expandDims(1).matMul(activations.reshape(s[0], s[1], s[2] * s[3])).reshape(s[0], s[2], s[3]);
  }

  @Override
  public String toString() {
    return "FeaturePass" + activations.getShape() + " classes " + Arrays.toString(classes);
  }
}
