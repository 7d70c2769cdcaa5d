package camlab.exercises.graders.beyond;

import ai.djl.ndarray.NDArray;

import camlab.model.Classifier;

/** Exercise 8.3: the occlusion map (Zeiler & Fergus, ECCV 2014), as captum's Occlusion computes it with a zero baseline. */
@FunctionalInterface
public interface OcclusionMap {
  /**
   * A patch × patch window of zeros, over every input channel, is placed with its top-left corner at rows r = 0, stride,
   * 2·stride, … and columns q = 0, stride, 2·stride, … wherever it fits (r + patch ≤ H, q + patch ≤ W). For each window
   * the score drop is d = y^c(x) − y^c(x with the window zeroed), y^c the logit of class c ({@code model.logits}). Then
   * map(i, j) = the mean of d over the windows that cover (i, j), and 0 where no window covers (i, j).
   *
   * @param model      the classifier whose logits score an image (its input is [B,C,H,W])
   * @param images     x, float32, shape [B,C,H,W]
   * @param classIndex c, the same for every image
   * @param patch      the window's side, 1 ≤ patch ≤ min(H, W)
   * @param stride     the step between windows, ≥ 1
   * @return float32, shape [B,H,W]; the images are left unchanged
   */
  NDArray occlusionMap(Classifier model, NDArray images, int classIndex, int patch, int stride);
}
