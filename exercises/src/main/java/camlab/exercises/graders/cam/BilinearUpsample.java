package camlab.exercises.graders.cam;

import ai.djl.ndarray.NDArray;

/** Exercise 2.3: bilinear upsampling of one map, half-pixel centres (align_corners = false). */
@FunctionalInterface
public interface BilinearUpsample {
  /**
   * Output pixel (y, x) samples the input at y_src = (y + 0.5)·h/height − 0.5 and
   * x_src = (x + 0.5)·w/width − 0.5, clamped to [0, h−1] and [0, w−1], interpolating linearly between the
   * two nearest input rows and the two nearest input columns — what {@code MapOps.upsampleBilinear} does.
   *
   * @param map float32, shape [h,w]
   * @return float32, shape [height,width]; the argument is left unchanged
   */
  NDArray upsampleBilinear(NDArray map, int height, int width);
}
