package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;

/**
 * Integrated Gradients (Sundararajan, Taly, Yan — "Axiomatic Attribution for Deep Networks", ICML 2017) from a black
 * baseline, the path integral by the midpoint rule with m steps:
 * <pre>M(i, j) = Σ_ch x_ch(i, j) · (1/m) Σ_{k=1..m} ∂y^c/∂x_ch(i, j) at α_k·x,     α_k = (k − ½) / m.</pre>
 * Completeness: Σ_ij M(i, j) ≈ y^c(x) − y^c(0), exactly so as m grows. The target classes are resolved on x; the m
 * scaled copies of the batch go through the network together, up to 64 inputs a pass (m·B forward and backward
 * passes' work, the method's floor).
 */
public final class IntegratedGradients extends InputGradientExplainer {
  /** Steps m when none are given. */
  public static final int DEFAULT_STEPS = 32;

  private final int steps;

  /** With {@value #DEFAULT_STEPS} steps. */
  public IntegratedGradients() {
    this(DEFAULT_STEPS);
  }

  /** With {@code steps} midpoint steps, at least 1. */
  public IntegratedGradients(int steps) {
    if (steps < 1) throw new IllegalArgumentException("Integrated Gradients needs at least 1 step; got " + steps + ".");
    this.steps = steps;
  }

  public int steps() {
    return steps;
  }

  @Override
  public String name() {
    return "integrated-gradients";
  }

  @Override
  Explained attribute(Classifier model, NDArray images, Targets targets) {
    NDArray logits = model.logits(images);
    NDArray x = images.toDevice(logits.getDevice(), false);
    int[] classes = targets.resolve(logits);
    NDArray sum = InputGradients.sumOverCopies(model, x.getManager(), classes.length, classes, steps,
        (manager, k) -> scaled(manager, x, (k + 0.5f) / steps), name());
    NDArray maps = sum.mul(x).sum(new int[] {1}).div(steps);
    return new Explained(maps, logits, classes);
  }

  /** α·x, made in {@code manager}. */
  private static NDArray scaled(ai.djl.ndarray.NDManager manager, NDArray x, float alpha) {
    NDArray copy = x.mul(alpha);
    copy.attach(manager);
    return copy;
  }

  @Override
  public String toString() {
    return name() + " (" + steps + " steps)";
  }
}
