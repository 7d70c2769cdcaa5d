package camlab.exercises.graders.cam;

import ai.djl.ndarray.NDArray;

/** Reference answer for 2.1, computed in double precision from the formula, independent of DJL operators. */
final class CamReference {
  private CamReference() {}

  /** M(i,j) = Σ_k w_k · A_k(i,j) for features [K,h,w] and weights [K], row-major [h·w]. */
  static float[] map(NDArray features, NDArray weights) {
    long[] dims = features.getShape().getShape();
    int k = (int) dims[0];
    int hw = (int) (dims[1] * dims[2]);
    float[] a = features.toFloatArray();
    float[] w = weights.toFloatArray();
    float[] m = new float[hw];
    for (int p = 0; p < hw; p++) {
      double sum = 0;
      for (int c = 0; c < k; c++) sum += (double) w[c] * a[c * hw + p];
      m[p] = (float) sum;
    }
    return m;
  }
}
