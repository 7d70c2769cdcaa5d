package camlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.util.List;

/**
 * What a classifier's head is, decided once when the model is built, so that explainers match on it instead of
 * inspecting the head's layers: global average pooling then one Linear layer (what CAM reads), a 1×1 convolution to
 * one map per class then global average pooling (Network in Network), ACoL's two-branch head, or anything else.
 */
public sealed interface HeadKind {
  /**
   * GAP, then one Linear layer: {@code logits = GAP(A) · Wᵀ (+ b)}. Its weight is kept as the parameter, whose array
   * loading weights may replace; {@link #weights()} reads the current one.
   */
  record GapLinear(Parameter weight) implements HeadKind {
    /** W {@code [C, K]}: the parameter itself — read it, do not modify or close it. */
    public NDArray weights() {
      return weight.getArray();
    }
  }

  /** A 1×1 convolution to the class maps {@code [B, C, h, w]}, then GAP: the maps fall out of the forward pass. */
  record Conv1x1Gap(Conv2d conv) implements HeadKind {}

  /** ACoL's head: classifier A's class maps, erasing, classifier B. */
  record Acol(AcolHead head) implements HeadKind {}

  /** Any other head (hidden layers, a later split, a TorchScript head that is not GAP + Linear). */
  record Other(List<String> layers) implements HeadKind {
    public Other {
      layers = List.copyOf(layers);
    }
  }

  /** The kind of a head made of these layers (nested sequential blocks already flattened, in order). */
  static HeadKind of(List<Block> layers) {
    if (layers.size() == 1 && layers.get(0) instanceof AcolHead acol) return new Acol(acol);
    if (layers.size() == 2 && layers.get(0) instanceof Conv2d conv && layers.get(1) instanceof GlobalAveragePooling
        && conv.getKernelShape().equals(new Shape(1, 1))) {
      return new Conv1x1Gap(conv);
    }
    if (!layers.isEmpty() && layers.get(layers.size() - 1) instanceof Linear linear
        && layers.subList(0, layers.size() - 1).stream().allMatch(b -> b instanceof GlobalAveragePooling)) {
      return new GapLinear(linear.getParameters().get("weight"));
    }
    return new Other(layers.stream().map(b -> b.getClass().getSimpleName()).toList());
  }
}
