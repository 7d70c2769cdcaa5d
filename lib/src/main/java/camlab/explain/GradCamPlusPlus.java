package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import camlab.model.Classifier;

/**
 * Grad-CAM++ (Chattopadhay, Sarkar, Howlader, Balasubramanian — WACV 2018), in the closed form for an
 * exponential score Y^c = exp(y^c): with g = ∂y^c/∂A_k(i,j),
 * <pre>α_k(i,j) = g² / ( 2·g² + Σ_{a,b} A_k(a,b) · g³ )      (0 where the denominator is 0)
 * w_k^c    = Σ_{i,j} α_k(i,j) · ReLU(g)
 * L^c      = ReLU( Σ_k w_k^c · A_k ).</pre>
 * Which of the published weightings this is: the paper's equation with the positive factor exp(y^c)
 * dropped from w (it scales every weight of a class equally) — the same as pytorch-grad-cam. The
 * official TensorFlow code additionally divides the α of each channel by their spatial sum; we do not.
 */
public final class GradCamPlusPlus extends ChannelWeightedExplainer {
  @Override
  public String name() {
    return "gradcam++";
  }

  @Override
  protected boolean needsGradients() {
    return true;
  }

  @Override
  protected boolean relu() {
    return true;
  }

  @Override
  protected NDArray channelWeights(Classifier model, NDArray activations, NDArray g, int[] classes) {
    NDArray g2 = g.square();
    NDArray g3 = g2.mul(g);
    NDArray sumA = activations.sum(new int[] {2, 3}, true);
    NDArray denominator = g2.mul(2f).add(sumA.mul(g3));
    NDArray nonZero = denominator.neq(0f);
    NDArray safe = NDArrays.where(nonZero, denominator, denominator.onesLike());
    NDArray alpha = NDArrays.where(nonZero, g2.div(safe), g2.zerosLike());
    return alpha.mul(g.maximum(0f)).sum(new int[] {2, 3});
  }
}
