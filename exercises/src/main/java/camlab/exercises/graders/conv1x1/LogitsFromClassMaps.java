package camlab.exercises.graders.conv1x1;

import ai.djl.ndarray.NDArray;

/** Exercise 5.2: the logits of a NiN / ACoL head are the global averages of its class maps. */
@FunctionalInterface
public interface LogitsFromClassMaps {
  /**
   * logit_c = (1 / (h·w)) · Σ_i Σ_j S_c(i, j) for every image.
   *
   * @param classMaps S, one map per class, float32, shape [B,C,h,w]
   * @return the logits, float32, shape [B,C]; the argument is left unchanged
   */
  NDArray logitsFromClassMaps(NDArray classMaps);
}
