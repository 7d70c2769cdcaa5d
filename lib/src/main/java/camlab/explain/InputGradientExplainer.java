package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;
import camlab.util.Scoped;

/**
 * The template of the methods that attribute the input's pixels with gradients through the whole model (saliency,
 * Integrated Gradients, SmoothGrad): their maps are {@code [B, H, W]} at the input's resolution. A model through which
 * gradients cannot reach the input is refused before any work ("… is not supported for this model because …").
 */
public abstract class InputGradientExplainer implements Explainer {
  /** Inputs per forward and backward pass when a method sends many copies of a batch (unless the batch is larger). */
  public static final int PASS_IMAGES = 64;

  @Override
  public final boolean needsInputGradients() {
    return true;
  }

  @Override
  public void checkApplicable(Classifier model) {
    model.requireInputGradients(name());
  }

  @Override
  public final ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    checkApplicable(model);
    return Scoped.result(images, scratch -> attribute(model, images, targets)).named(name());
  }

  /**
   * The maps {@code [B, H, W]}, the logits of {@code images} and the class of each map. Runs inside a scope: every array
   * it makes but does not return is freed.
   */
  abstract Explained attribute(Classifier model, NDArray images, Targets targets);
}
