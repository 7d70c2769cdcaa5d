package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import camlab.ops.SpatialReduction;

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

  /**
   * Computed in the equivalent form that never forms g² or g³ (fewer full-size temporaries, no overflow):
   * with r = ReLU(g), every term α·ReLU(g) equals {@code r / (2 + ΣA·r)} — for g > 0 divide α's numerator
   * and denominator by g², for g ≤ 0 both sides are 0 — so {@code w_k = Σ_{i,j} r / (2 + ΣA_k·r)}.
   * That denominator is 2 wherever r = 0; it can vanish only where ΣA_k < 0, and only then is the
   * "0 where the denominator is 0" rule applied (one small check, no full-size masks otherwise).
   */
  @Override
  protected NDArray channelWeights(Classifier model, NDArray activations, NDArray g, NDArray classes) {
    Shape shape = activations.getShape();
    NDArray sumA = SpatialReduction.sum(activations).reshape(shape.get(0), shape.get(1), 1, 1);
    NDArray r = MapOps.relu(g);
    NDArray denominator = r.mul(sumA).addi(2f); // r and the denominator are the only full-size arrays made
    NDArray terms = r.divi(denominator); // r is not needed any more: divide in place
    if (sumA.min().getFloat() < 0f) { // a negative channel sum: 2 + ΣA·r may be 0 somewhere
      terms = NDArrays.where(denominator.neq(0f), terms, terms.zerosLike());
    }
    return SpatialReduction.sum(terms);
  }
}
