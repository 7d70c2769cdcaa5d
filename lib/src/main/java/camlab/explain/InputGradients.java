package camlab.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import camlab.model.Classifier;

/**
 * Gradients of each image's target score with respect to the input x, {@code ∂y_c/∂x [B, C, H, W]}, through the whole
 * model (features and head) with its parameters out of autograd. Images are independent, so one backward pass of
 * {@code Σ_b y_b[c_b]} gives every image its own gradient. Many inputs (Integrated Gradients' steps, SmoothGrad's noisy
 * copies) go through the network {@value #PASS_IMAGES} at a time, or a batch at a time when the batch is larger.
 */
final class InputGradients {
  /** Inputs per forward/backward pass when a method has more of them than the batch: bounds the memory of one pass. */
  static final int PASS_IMAGES = InputGradientExplainer.PASS_IMAGES;

  /** The gradients at the images themselves, with the logits that resolved the targets (one pass). */
  record Pass(NDArray gradients, NDArray logits, Targets.Resolved classes) {}

  private InputGradients() {}

  /** ∂y_c/∂x at {@code images}, the targets resolved from the same forward pass; arrays in the images' manager. */
  static Pass at(Classifier model, NDArray images, Targets targets, Score score, String method) {
    NDArray leaf = model.inputGradientLeaf(images, method);
    NDArray logits;
    Targets.Resolved classes;
    try (GradientCollector collector = newCollector()) {
      logits = model.logitsForInputGradients(leaf);
      classes = targets.resolveOnDevice(logits);
      NDArray scores = score == Score.PROBABILITY ? logits.softmax(1) : logits;
      FeaturePass.backwardFromTargets(collector, scores, classes, model.device());
    }
    return new Pass(leaf.getGradient(), logits.stopGradient(), classes);
  }

  /** ∂y_c/∂x at {@code inputs} {@code [N, C, H, W]} for the given class of each; in the inputs' manager. */
  static NDArray of(Classifier model, NDArray inputs, int[] classes, String method) {
    return at(model, inputs, Targets.perImage(classes), Score.LOGIT, method).gradients();
  }

  /**
   * Σ over the copies of the gradient: for every image b, {@code Σ_{s < copies} ∂y_{c_b}/∂x (copy(s)[b])}, the copies made by
   * {@code copy} as {@code [B, C, H, W]} arrays and sent through the network together, a pass at a time.
   *
   * @param copy makes copy s of the batch, in the manager it is given (freed after the pass)
   * @return {@code [B, C, H, W]} in {@code manager}
   */
  static NDArray sumOverCopies(Classifier model, NDManager manager, int batch, int[] classes, int copies, Copy copy, String method) {
    return sumOverCopies(model, manager, batch, classes, copies, copy, g -> g, method);
  }

  /**
   * As {@link #sumOverCopies(Classifier, NDManager, int, int[], int, Copy, String)}, summing {@code reduce} of each
   * copy's gradient (e.g. the saliency max_ch |g|) instead of the gradient itself.
   *
   * @param reduce {@code [N, C, H, W]} → {@code [N, ...]}, image by image
   */
  static NDArray sumOverCopies(Classifier model, NDManager manager, int batch, int[] classes, int copies, Copy copy,
      java.util.function.UnaryOperator<NDArray> reduce, String method) {
    int perPass = Math.max(1, PASS_IMAGES / batch);
    NDArray sum = null;
    for (int first = 0; first < copies; first += perPass) {
      int n = Math.min(perPass, copies - first);
      try (NDManager pass = manager.newSubManager()) {
        NDList parts = new NDList(n);
        for (int s = first; s < first + n; s++) parts.add(copy.make(pass, s));
        NDArray inputs = n == 1 ? parts.head() : NDArrays.concat(parts);
        int[] repeated = new int[n * batch];
        for (int s = 0; s < n; s++) System.arraycopy(classes, 0, repeated, s * batch, batch);
        NDArray g = reduce.apply(of(model, inputs, repeated, method));
        NDArray passSum = n == 1 ? g : g.reshape(new Shape(n, batch).addAll(g.getShape().slice(1))).sum(new int[] {0});
        sum = sum == null ? passSum : sum.add(passSum);
        sum.attach(manager);
      }
    }
    return sum;
  }

  /** Makes copy {@code s} of a batch of images. */
  @FunctionalInterface
  interface Copy {
    NDArray make(NDManager manager, int s);
  }

  private static GradientCollector newCollector() {
    try {
      return Engine.getInstance().newGradientCollector();
    } catch (IllegalStateException e) {
      if (!String.valueOf(e.getMessage()).contains("already collecting")) throw e;
      throw new IllegalStateException("Input-gradient methods need their own GradientCollector, but one is already open (are you inside a"
          + " training step?). Explain after closing it.", e);
    }
  }
}
