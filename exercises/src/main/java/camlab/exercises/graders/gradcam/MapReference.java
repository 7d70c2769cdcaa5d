package camlab.exercises.graders.gradcam;

import ai.djl.ndarray.NDArray;

import camlab.explain.Cam;
import camlab.ops.MapOps;

/** The library's channel-weighted sum, used as the reference for 3.2 and 3.3. */
final class MapReference {
  private MapReference() {}

  /** ReLU(Σ_k sign·weights[b,k]·A[b,k]) for every image b, via {@link Cam#classActivationMaps} with one "class" per image. */
  static NDArray reluWeightedSum(NDArray activations, NDArray weights, float sign) {
    int batch = Math.toIntExact(activations.getShape().get(0));
    int[] rows = new int[batch];
    for (int b = 0; b < batch; b++) rows[b] = b;
    return MapOps.relu(Cam.classActivationMaps(activations, weights.mul(sign), rows));
  }
}
