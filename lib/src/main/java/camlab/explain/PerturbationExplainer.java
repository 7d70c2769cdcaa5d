package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.util.HostToEngine;
import camlab.util.Scoped;

/**
 * The template of the perturbation methods (occlusion, RISE): N masks M_n {@code [H, W]}, the target score of every
 * image under every mask, and a map that weighs the masks by those scores,
 * <pre>s[b, n] = score_c(x_b ⊙ P_n),   P_n = M_n (RISE) or 1 − M_n (occlusion),   map_b = finish(Σ_n w(s_b, s[b, n]) · M_n),</pre>
 * the perturbation P_n multiplied into every channel. A method says what its masks are, which score it reads and how it
 * weighs and finishes. Masks are made on the host a chunk at a time and the B·n masked images of a chunk go through
 * the network in one pass, in a manager of their own: memory stays that of one pass whatever B and N are.
 */
abstract class PerturbationExplainer implements Explainer {
  /** Masked images per forward pass unless a method is given another count. */
  static final int DEFAULT_BATCH = 64;

  private final int batch;

  /** @param batch masked images per forward pass (at least the batch of images: one mask at a time) */
  PerturbationExplainer(int batch) {
    if (batch < 1) throw new IllegalArgumentException("The batch of masked images must be at least 1; got " + batch + ".");
    this.batch = batch;
  }

  /** Checks the method's settings against the image size before any pass; a message says what to change. */
  protected abstract void check(int height, int width);

  /** N, the number of masks for this image size. */
  protected abstract int maskCount(int height, int width);

  /** Masks {@code first .. last − 1}, row-major {@code [last − first, H, W]}. */
  protected abstract float[] masks(int first, int last, int height, int width);

  /** Whether the image is multiplied by 1 − M (occlusion: M marks what is removed) rather than by M. */
  protected abstract boolean occludes();

  /** The score under the masks: the logit, or the softmax probability. */
  protected abstract Score score();

  /** The weight of a mask from the image's unmasked score and its score under the mask. */
  protected abstract double weight(double unmasked, double masked);

  /** Turns the weighted sum of one image's masks {@code [H·W]} into its map, in place. */
  protected abstract void finish(double[] sum, int height, int width);

  /** Refuses settings that do not fit the model's input size (a patch larger than the image) before any pass. */
  @Override
  public void checkApplicable(Classifier model) {
    check(Math.toIntExact(model.inputShape().get(1)), Math.toIntExact(model.inputShape().get(2)));
  }

  @Override
  public final ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    return Scoped.result(images, scratch -> {
      NDArray x = model.checkImages(images);
      int h = Math.toIntExact(x.getShape().get(2));
      int w = Math.toIntExact(x.getShape().get(3));
      check(h, w);
      NDArray logits = model.logits(x);
      Targets.Resolved classes = targets.resolveOnDevice(logits);
      double[][] sums = weightedMasks(model, x, unmaskedScores(logits, classes.classes()), classes.classes(), h, w);
      float[] maps = new float[sums.length * h * w];
      for (int b = 0; b < sums.length; b++) {
        finish(sums[b], h, w);
        for (int p = 0; p < h * w; p++) maps[b * h * w + p] = (float) sums[b][p];
      }
      NDArray out = HostToEngine.floats(scratch, maps, new Shape(sums.length, h, w)).toDevice(x.getDevice(), false);
      return new Explained(out, logits, classes.classes());
    }).named(name());
  }

  private double[] unmaskedScores(NDArray logits, int[] classes) {
    float[] values = (score() == Score.PROBABILITY ? logits.softmax(1) : logits).toFloatArray();
    int numClasses = Math.toIntExact(logits.getShape().get(1));
    double[] scores = new double[classes.length];
    for (int b = 0; b < classes.length; b++) scores[b] = values[b * numClasses + classes[b]];
    return scores;
  }

  /** Σ_n w(s_b, s[b, n]) · M_n for every image, {@code [B][H·W]}. */
  private double[][] weightedMasks(Classifier model, NDArray x, double[] unmasked, int[] classes, int h, int w) {
    int images = classes.length;
    int n = maskCount(h, w);
    int plane = h * w;
    int perPass = Math.max(1, batch / images);
    double[][] sums = new double[images][plane];
    for (int first = 0; first < n; first += perPass) {
      int last = Math.min(n, first + perPass);
      int m = last - first;
      float[] masks = masks(first, last, h, w);
      float[] scores;
      int numClasses;
      try (NDManager pass = x.getManager().newSubManager()) {
        x.tempAttach(pass);
        NDArray maskArray = HostToEngine.floats(pass, masks, new Shape(m, 1, h, w)).toDevice(x.getDevice(), false);
        NDArray multiplier = occludes() ? maskArray.neg().add(1f) : maskArray;
        long[] s = x.getShape().getShape();
        NDArray masked = x.expandDims(1).mul(multiplier.expandDims(0)).reshape(s[0] * m, s[1], s[2], s[3]);
        NDArray logits = model.logits(masked);
        numClasses = Math.toIntExact(logits.getShape().get(1));
        scores = (score() == Score.PROBABILITY ? logits.softmax(1) : logits).toFloatArray();
      }
      for (int b = 0; b < images; b++) {
        for (int k = 0; k < m; k++) {
          double weight = weight(unmasked[b], scores[(b * m + k) * numClasses + classes[b]]);
          if (weight == 0) continue;
          double[] sum = sums[b];
          int offset = k * plane;
          for (int p = 0; p < plane; p++) sum[p] += weight * masks[offset + p];
        }
      }
    }
    return sums;
  }
}
