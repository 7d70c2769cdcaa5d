package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import camlab.util.Scoped;

/**
 * The template of the gradient methods that weight each position of each channel rather than each channel as a whole
 * (HiResCAM, LayerCAM): one forward pass and one backward pass through the head give A and g = ∂y_c/∂A, then
 * <pre>map = ReLU( Σ_k w(g)_k ⊙ A_k ),</pre>
 * where a method only says what w is.
 */
public abstract class PositionWeightedExplainer implements Explainer {
  /** The element-wise weights {@code [B, K, h, w]} from the gradients g of the same shape (in g's manager). */
  protected abstract NDArray positionWeights(NDArray gradients);

  @Override
  public final ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    return Scoped.result(images, scratch -> {
      FeaturePass pass = FeaturePass.withGradients(model, images, targets, Score.LOGIT);
      NDArray sum = positionWeights(pass.gradients).mul(pass.activations).sum(new int[] {1});
      return new Explained(MapOps.relu(sum), pass.logits, pass.classes);
    }).named(name());
  }
}
