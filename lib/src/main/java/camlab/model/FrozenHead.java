package camlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a head with its parameters taken out of autograd, and puts them back right after. The graph then has no edge
 * to them: the backward pass computes ∂score/∂A without the parameters' own gradients, and an explanation never adds
 * into a parameter's gradient (a training loop's accumulated gradients stay as they were). Skipping those gradients
 * also saves their computation: the head's weight gradients, and at an earlier split the later conv layers' too.
 */
final class FrozenHead {
  private FrozenHead() {}

  /** {@code forward} run with every parameter of {@code head} that requires gradients frozen. */
  static <T> T run(List<Parameter> head, Supplier<T> forward) {
    List<NDArray> frozen = new ArrayList<>();
    for (Parameter parameter : head) {
      NDArray value = parameter.getArray();
      if (value.hasGradient()) {
        value.setRequiresGradient(false);
        frozen.add(value);
      }
    }
    try {
      return forward.get();
    } finally {
      for (NDArray value : frozen) value.setRequiresGradient(true);
    }
  }
}
