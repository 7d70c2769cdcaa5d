package camlab.exercises.graders.beyond;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import camlab.exercises.graders.Autograd;
import camlab.exercises.graders.Tensor;
import camlab.model.Classifier;
import camlab.ops.MapOps;

/**
 * The graders' references for chapter 8, written as plain loops over the values (independent of how a cell vectorises
 * them); only bilinear upsampling (graded in 2.3) and the model's own forward and backward come from the library.
 */
final class BeyondReference {
  private BeyondReference() {}

  /** ReLU(Σ_k ReLU(g_k) · A_k) for every image. */
  static Tensor layerCam(NDArray activations, NDArray gradients) {
    long[] s = activations.getShape().getShape();
    int batch = (int) s[0], channels = (int) s[1], positions = (int) (s[2] * s[3]);
    float[] a = activations.toFloatArray();
    float[] g = gradients.toFloatArray();
    float[] out = new float[batch * positions];
    for (int b = 0; b < batch; b++) {
      for (int p = 0; p < positions; p++) {
        double sum = 0;
        for (int k = 0; k < channels; k++) {
          int at = (b * channels + k) * positions + p;
          sum += Math.max(0f, g[at]) * (double) a[at];
        }
        out[b * positions + p] = (float) Math.max(0, sum);
      }
    }
    return Tensor.of(out, s[0], s[2], s[3]);
  }

  /** x_b ⊙ minmax(up(A_bk)) for every image b and channel k, [B,K,C,H,W]; a constant upsampled channel masks to 0. */
  static Tensor scoreCamMasks(NDArray images, NDArray activations) {
    long[] x = images.getShape().getShape();
    long[] s = activations.getShape().getShape();
    int batch = (int) x[0], colours = (int) x[1], height = (int) x[2], width = (int) x[3], channels = (int) s[1];
    int pixels = height * width;
    float[] up = MapOps.upsampleBilinear(activations.reshape(s[0] * s[1], s[2], s[3]), height, width).toFloatArray();
    float[] image = images.toFloatArray();
    float[] out = new float[batch * channels * colours * pixels];
    for (int b = 0; b < batch; b++) {
      for (int k = 0; k < channels; k++) {
        int map = (b * channels + k) * pixels;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (int p = 0; p < pixels; p++) {
          min = Math.min(min, up[map + p]);
          max = Math.max(max, up[map + p]);
        }
        for (int ch = 0; ch < colours; ch++) {
          for (int p = 0; p < pixels; p++) {
            float mask = max == min ? 0f : (up[map + p] - min) / (max - min);
            out[((b * channels + k) * colours + ch) * pixels + p] = image[(b * colours + ch) * pixels + p] * mask;
          }
        }
      }
    }
    return Tensor.of(out, x[0], s[1], x[1], x[2], x[3]);
  }

  /** The mean score drop over the zero windows covering each pixel, 0 where none covers; one window per forward pass. */
  static Tensor occlusion(Classifier model, NDArray images, int c, int patch, int stride) {
    long[] s = images.getShape().getShape();
    int batch = (int) s[0], colours = (int) s[1], height = (int) s[2], width = (int) s[3];
    int pixels = height * width;
    float[] x = images.toFloatArray();
    double[] sum = new double[batch * pixels];
    int[] count = new int[pixels];
    try (NDManager scope = images.getManager().newSubManager()) {
      float[] base = model.logits(scope.create(x, images.getShape())).toFloatArray();
      int classes = base.length / batch;
      for (int r = 0; r + patch <= height; r += stride) {
        for (int q = 0; q + patch <= width; q += stride) {
          float[] occluded = x.clone();
          for (int b = 0; b < batch; b++)
            for (int ch = 0; ch < colours; ch++)
              for (int i = r; i < r + patch; i++)
                for (int j = q; j < q + patch; j++) occluded[((b * colours + ch) * height + i) * width + j] = 0f;
          float[] scores = model.logits(scope.create(occluded, images.getShape())).toFloatArray();
          for (int i = r; i < r + patch; i++) {
            for (int j = q; j < q + patch; j++) {
              count[i * width + j]++;
              for (int b = 0; b < batch; b++) sum[b * pixels + i * width + j] += base[b * classes + c] - scores[b * classes + c];
            }
          }
        }
      }
    }
    float[] out = new float[batch * pixels];
    for (int b = 0; b < batch; b++)
      for (int p = 0; p < pixels; p++) out[b * pixels + p] = count[p] == 0 ? 0f : (float) (sum[b * pixels + p] / count[p]);
    return Tensor.of(out, s[0], s[2], s[3]);
  }

  /** max_c |R| · up(L). */
  static Tensor guidedGradCam(NDArray guided, NDArray gradCam) {
    long[] s = guided.getShape().getShape();
    int batch = (int) s[0], colours = (int) s[1], pixels = (int) (s[2] * s[3]);
    float[] up = MapOps.upsampleBilinear(gradCam, (int) s[2], (int) s[3]).toFloatArray();
    float[] r = guided.toFloatArray();
    float[] out = new float[batch * pixels];
    for (int b = 0; b < batch; b++) {
      for (int p = 0; p < pixels; p++) {
        float largest = 0;
        for (int ch = 0; ch < colours; ch++) largest = Math.max(largest, Math.abs(r[(b * colours + ch) * pixels + p]));
        out[b * pixels + p] = largest * up[b * pixels + p];
      }
    }
    return Tensor.of(out, s[0], s[2], s[3]);
  }

  /** Σ_ch x · (1/m) Σ_k ∂y^c/∂x(α_k x), α_k = (k − ½)/m; one backward pass per step. */
  static Tensor integratedGradients(Classifier model, NDArray images, int c, int steps) {
    long[] s = images.getShape().getShape();
    int batch = (int) s[0], colours = (int) s[1], pixels = (int) (s[2] * s[3]);
    float[] x = images.toFloatArray();
    double[] gradientSum = new double[x.length];
    for (int k = 1; k <= steps; k++) {
      float alpha = (float) ((k - 0.5) / steps);
      float[] scaled = new float[x.length];
      for (int i = 0; i < x.length; i++) scaled[i] = alpha * x[i];
      float[] g = gradientAt(model, images.getManager(), scaled, images.getShape(), c);
      for (int i = 0; i < x.length; i++) gradientSum[i] += g[i];
    }
    float[] out = new float[batch * pixels];
    for (int b = 0; b < batch; b++) {
      for (int p = 0; p < pixels; p++) {
        double sum = 0;
        for (int ch = 0; ch < colours; ch++) {
          int at = (b * colours + ch) * pixels + p;
          sum += x[at] * gradientSum[at] / steps;
        }
        out[b * pixels + p] = (float) sum;
      }
    }
    return Tensor.of(out, s[0], s[2], s[3]);
  }

  /** ∂(Σ_b y_b[c])/∂x at {@code values}: images are independent, so row b is image b's own gradient. */
  private static float[] gradientAt(Classifier model, NDManager manager, float[] values, Shape shape, int c) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray leaf = model.gradientLeaf(scope.create(values, shape));
      synchronized (Autograd.LOCK) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = model.headForGradients(leaf);
          collector.backward(logits.get(":, " + c).sum());
        }
      }
      return leaf.getGradient().toFloatArray();
    }
  }
}
