package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;

/**
 * Saliency (Simonyan, Vedaldi, Zisserman — "Deep Inside Convolutional Networks: Visualising Image Classification Models
 * and Saliency Maps", ICLR Workshop 2014): how much each pixel's change would change the class score,
 * <pre>M(i, j) = max_ch | ∂y^c / ∂x_ch(i, j) |,</pre>
 * at the input's resolution, with y^c the logit. One forward and one backward pass through the whole model.
 */
public final class Saliency extends InputGradientExplainer {
  @Override
  public String name() {
    return "saliency";
  }

  @Override
  Explained attribute(Classifier model, NDArray images, Targets targets) {
    InputGradients.Pass pass = InputGradients.at(model, images, targets, Score.LOGIT, name());
    return new Explained(pass.gradients().abs().max(new int[] {1}), pass.logits(), pass.classes().classes());
  }
}
