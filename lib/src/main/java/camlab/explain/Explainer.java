package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;

/**
 * A method that turns a classifier and a batch of images into one class map per image.
 *
 * <p>Contract shared by every method: images are {@code [B, C, H, W]} float32 as the model expects
 * them; the result's arrays belong to the images' manager and stay on the model's device; the model's
 * own manager gains no arrays.
 */
public interface Explainer {
  /** Short name used on the command line and in tables, e.g. "cam", "gradcam". */
  String name();

  /**
   * Maps for the given targets: {@code [B, h, w]} at the method's own resolution — the split's feature grid for the
   * CAM family, the input's {@code H × W} for the methods that attribute pixels (saliency, Integrated Gradients, ...).
   */
  ActivationMaps explain(Classifier model, NDArray images, Targets targets);

  /**
   * Throws a clear error when the method cannot work on this model ("… is not supported for this model because …"),
   * before any work is done; {@link #explain} checks it too. A command line calls it before a long run.
   *
   * @throws UnsupportedOperationException naming the method, the model and the reason
   */
  default void checkApplicable(Classifier model) {}

  /**
   * Whether the method needs gradients with respect to the input, through the whole model (a TorchScript model must
   * then be loaded with them, see {@code TorchScriptModels.load(..., true)}).
   */
  default boolean needsInputGradients() {
    return false;
  }

  /** Maps for each image's top-1 class. */
  default ActivationMaps explain(Classifier model, NDArray images) {
    return explain(model, images, Targets.top1());
  }
}
