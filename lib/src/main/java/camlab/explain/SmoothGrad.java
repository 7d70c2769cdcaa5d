package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.util.HostToEngine;
import java.util.Random;

/**
 * SmoothGrad (Smilkov, Thorat, Kim, Viégas, Wattenberg — "SmoothGrad: removing noise by adding noise", 2017): the
 * saliency map averaged over n noisy copies of the image,
 * <pre>M = (1/n) Σ_{s=1..n} max_ch | ∂y^c/∂x_ch | at x + σ·ε_s,     ε_s ~ N(0, I),     σ = 0.15 · (max x − min x),</pre>
 * σ per image (the paper's noise level 15 %). The noise patterns ε_s are drawn from {@code java.util.Random(seed)} once
 * per call, in the order s, channel, row, column, and shared by every image of the batch, so an image's map depends on
 * the seed and the image only — not on which batch it came in. The target classes are resolved on x; the n·B noisy
 * images go through the network together, up to 64 a pass.
 */
public final class SmoothGrad extends InputGradientExplainer {
  /** Noisy copies n when none are given. */
  public static final int DEFAULT_SAMPLES = 25;
  /** The seed when none is given. */
  public static final long DEFAULT_SEED = 0;
  /** σ as a share of each image's value range. */
  public static final float NOISE_LEVEL = 0.15f;

  private final int samples;
  private final long seed;

  /** n = {@value #DEFAULT_SAMPLES}, seed {@value #DEFAULT_SEED}. */
  public SmoothGrad() {
    this(DEFAULT_SAMPLES, DEFAULT_SEED);
  }

  /** With {@code samples} noisy copies (at least 1) drawn from {@code seed}. */
  public SmoothGrad(int samples, long seed) {
    if (samples < 1) throw new IllegalArgumentException("SmoothGrad needs at least 1 sample; got " + samples + ".");
    this.samples = samples;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "smoothgrad";
  }

  @Override
  Explained attribute(Classifier model, NDArray images, Targets targets) {
    NDArray logits = model.logits(images);
    NDArray x = images.toDevice(logits.getDevice(), false);
    int[] classes = targets.resolve(logits);
    Shape shape = x.getShape();
    int batch = classes.length;
    NDArray flat = x.reshape(batch, -1);
    NDArray sigma = flat.max(new int[] {1}).sub(flat.min(new int[] {1})).mul(NOISE_LEVEL).reshape(batch, 1, 1, 1);
    float[][] noise = noise(seed, samples, shape.slice(1));
    NDArray sum = InputGradients.sumOverCopies(model, x.getManager(), batch, classes, samples, (manager, s) -> {
      NDArray epsilon = HostToEngine.floats(manager, noise[s], shape.slice(1)).toDevice(x.getDevice(), false);
      return epsilon.expandDims(0).mul(sigma).add(x); // in the pass's manager: freed after it
    }, g -> g.abs().max(new int[] {1}), name());
    return new Explained(sum.div(samples), logits, classes);
  }

  /** The n noise patterns ε_s ~ N(0, 1) of one image's shape, from {@code Random(seed)} in the order s, then row-major. */
  static float[][] noise(long seed, int samples, Shape image) {
    Random random = new Random(seed);
    int size = Math.toIntExact(image.size());
    float[][] noise = new float[samples][size];
    for (float[] pattern : noise) for (int i = 0; i < size; i++) pattern[i] = (float) random.nextGaussian();
    return noise;
  }

  @Override
  public String toString() {
    return name() + " (" + samples + " samples, seed " + seed + ")";
  }
}
