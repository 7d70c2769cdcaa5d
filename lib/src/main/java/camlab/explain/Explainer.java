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

  /** Maps for the given targets. */
  ActivationMaps explain(Classifier model, NDArray images, Targets targets);

  /** Maps for each image's top-1 class. */
  default ActivationMaps explain(Classifier model, NDArray images) {
    return explain(model, images, Targets.top1());
  }
}
