package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.util.Scoped;
import java.util.List;

/** What one scoped explanation makes: the raw maps, the logits and the class of each map, before they become {@link ActivationMaps}. */
record Explained(NDArray maps, NDArray logits, int[] classes) implements Scoped.Result {
  @Override
  public List<NDArray> arrays() {
    return List.of(maps, logits);
  }

  ActivationMaps named(String method) {
    return new ActivationMaps(method, maps, classes, logits);
  }
}
