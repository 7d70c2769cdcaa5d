package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import camlab.util.HostToEngine;
import camlab.util.Scoped;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Eigen-CAM (Muhammad and Yeasin — "Eigen-CAM: Class Activation Map using Principal Components", IJCNN 2020): the
 * activations' first principal component, with no class and no gradient. Per image, M = A as positions × channels
 * {@code [h·w, K]}, each channel centred over the positions; with v the first right singular vector of M,
 * <pre>p = M v,   p := −p if p correlates negatively with Σ_k A_k,   L = ReLU(p).</pre>
 * The singular vector's sign is arbitrary; the sign rule makes the map point at where the activations are high. The
 * map is the same for every target class (the classes and logits are still reported). Computed in double on the host
 * from the smaller Gram matrix: MᵀM {@code [K, K]} gives v; M Mᵀ {@code [h·w, h·w]} gives u with M v = σ u, the same
 * projection up to the sign.
 */
public final class EigenCam implements Explainer {
  @Override
  public String name() {
    return "eigencam";
  }

  @Override
  public ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    return Scoped.result(images, scratch -> {
      FeaturePass pass = FeaturePass.forward(model, images, targets);
      Shape s = pass.activations.getShape();
      int batch = Math.toIntExact(s.get(0));
      int channels = Math.toIntExact(s.get(1));
      int positions = Math.toIntExact(s.get(2) * s.get(3));
      float[] a = pass.activations.toFloatArray();
      float[] maps = new float[batch * positions];
      for (int b = 0; b < batch; b++) {
        double[] p = projection(a, b * channels * positions, channels, positions);
        for (int i = 0; i < positions; i++) maps[b * positions + i] = (float) p[i];
      }
      NDArray projected = HostToEngine.floats(scratch, maps, new Shape(batch, s.get(2), s.get(3))).toDevice(pass.activations.getDevice(), false);
      return new Explained(MapOps.relu(projected), pass.logits, pass.classes);
    }).named(name());
  }

  /**
   * The signed first-component projection of one image's activations ({@code a[offset ..]}, channel-major {@code [K, h·w]}).
   *
   * @return p {@code [h·w]}, signed to correlate positively with Σ_k A_k (all zeros for activations constant over positions)
   */
  static double[] projection(float[] a, int offset, int channels, int positions) {
    double[][] m = new double[positions][channels]; // M, centred per channel
    double[] channelSum = new double[positions]; // Σ_k A_k at each position, before centring
    for (int k = 0; k < channels; k++) {
      double mean = 0;
      for (int i = 0; i < positions; i++) mean += a[offset + k * positions + i];
      mean /= positions;
      for (int i = 0; i < positions; i++) {
        double v = a[offset + k * positions + i];
        channelSum[i] += v;
        m[i][k] = v - mean;
      }
    }
    double[] p = new double[positions];
    if (channels <= positions) {
      double[] v = leadingEigenvector(gram(m, positions, channels, true));
      for (int i = 0; i < positions; i++) for (int k = 0; k < channels; k++) p[i] += m[i][k] * v[k];
    } else {
      double[] u = leadingEigenvector(gram(m, positions, channels, false));
      double[] v = new double[channels]; // Mᵀu = σ v
      for (int i = 0; i < positions; i++) for (int k = 0; k < channels; k++) v[k] += m[i][k] * u[i];
      double norm = 0;
      for (double x : v) norm += x * x;
      norm = Math.sqrt(norm);
      if (norm == 0) return p;
      for (int i = 0; i < positions; i++) for (int k = 0; k < channels; k++) p[i] += m[i][k] * v[k] / norm;
    }
    double sumMean = 0;
    for (double x : channelSum) sumMean += x;
    sumMean /= positions;
    double covariance = 0;
    for (int i = 0; i < positions; i++) covariance += p[i] * (channelSum[i] - sumMean);
    if (covariance < 0) for (int i = 0; i < positions; i++) p[i] = -p[i];
    return p;
  }

  /** MᵀM {@code [K, K]} (channels) or M Mᵀ {@code [h·w, h·w]} (positions). */
  private static double[][] gram(double[][] m, int positions, int channels, boolean overChannels) {
    int n = overChannels ? channels : positions;
    double[][] g = new double[n][n];
    for (int r = 0; r < n; r++) {
      for (int c = r; c < n; c++) {
        double sum = 0;
        if (overChannels) {
          for (int i = 0; i < positions; i++) sum += m[i][r] * m[i][c];
        } else {
          double[] x = m[r];
          double[] y = m[c];
          for (int k = 0; k < channels; k++) sum += x[k] * y[k];
        }
        g[r][c] = sum;
        g[c][r] = sum;
      }
    }
    return g;
  }

  /** The unit eigenvector of the largest eigenvalue of a symmetric matrix. */
  private static double[] leadingEigenvector(double[][] symmetric) {
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(symmetric, false));
    double[] values = eigen.getRealEigenvalues();
    int best = 0;
    for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
    return eigen.getEigenvector(best).toArray();
  }
}
