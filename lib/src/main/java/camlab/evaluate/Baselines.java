package camlab.evaluate;

import ai.djl.ndarray.NDArray;
import camlab.evaluate.localization.MaxBoxAcc;
import camlab.evaluate.localization.PxAP;
import camlab.model.Classifier;
import camlab.ops.ScoreMaps;

/**
 * Maps that explain nothing, to show what a metric gives for free. Both ignore the model and the class.
 *
 * <ul>
 *   <li>{@link #centerGaussian()}: {@code exp(−((x − c)² + (y − c)²) / (2σ²))}, c = (N − 1)/2, σ = N/4, min–max
 *       normalised — Choe et al.'s "center gaussian" no-learning baseline, exploiting that objects tend to sit near
 *       the middle. Any isotropic map decreasing from the centre has the same level sets, so σ only decides which τ
 *       reaches which disc; MaxBoxAcc and PxAP do not depend on it.
 *   <li>{@link #imageIntensity()}: the image itself, min–max normalised — "bright pixels are the object", which
 *       the dark cluttered canvases make a strong cue.
 * </ul>
 */
public final class Baselines {
  private Baselines() {}

  public static MapMethod centerGaussian() {
    return new Baseline("center-gaussian") {
      @Override
      float[] map(float[] image, int size) {
        double c = (size - 1) / 2.0;
        double sigma = size / 4.0;
        float[] map = new float[size * size];
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            map[y * size + x] = (float) Math.exp(-((x - c) * (x - c) + (y - c) * (y - c)) / (2 * sigma * sigma));
          }
        }
        return ScoreMaps.minMax(map);
      }
    };
  }

  public static MapMethod imageIntensity() {
    return new Baseline("image-intensity") {
      @Override
      float[] map(float[] image, int size) {
        return ScoreMaps.minMax(image);
      }
    };
  }

  /** A model-free map computed from each single-channel square image on the host. */
  private abstract static class Baseline implements MapMethod {
    private final String name;

    Baseline(String name) {
      this.name = name;
    }

    abstract float[] map(float[] image, int size);

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean isBaseline() {
      return true;
    }

    @Override
    public float[][] scoreMaps(Classifier model, NDArray images, int[] classes) {
      long[] shape = images.getShape().getShape();
      if (shape.length != 4 || shape[1] != 1 || shape[2] != shape[3]) {
        throw new IllegalArgumentException("Baselines take single-channel square images [B, 1, N, N]; got " + images.getShape() + ".");
      }
      int batch = Math.toIntExact(shape[0]);
      int size = Math.toIntExact(shape[2]);
      float[] pixels = images.toFloatArray();
      float[][] maps = new float[batch][];
      for (int b = 0; b < batch; b++) {
        maps[b] = map(java.util.Arrays.copyOfRange(pixels, b * size * size, (b + 1) * size * size), size);
      }
      return maps;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
