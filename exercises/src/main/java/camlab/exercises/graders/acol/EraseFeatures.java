package camlab.exercises.graders.acol;

import ai.djl.ndarray.NDArray;

/** Exercise 4.2: erasing the features that classifier B will see. */
@FunctionalInterface
public interface EraseFeatures {
  /**
   * Ã_k(i, j) = A_k(i, j) · mask(i, j) for every channel k of every image: the same spatial mask of
   * image b multiplies all K channels of image b.
   *
   * @param features A, float32, shape [B,K,h,w]
   * @param keepMask 1 = kept, 0 = erased, float32, shape [B,h,w]
   * @return Ã, float32, shape [B,K,h,w]; the arguments are left unchanged
   */
  NDArray eraseFeatures(NDArray features, NDArray keepMask);
}
