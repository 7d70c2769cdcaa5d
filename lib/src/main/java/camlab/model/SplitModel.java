package camlab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * A network split at its target layer: {@code features} (images → activations A, {@code [B, K, h, w]}) and
 * {@code head} (A → logits {@code [B, C]}), with the head's {@link HeadKind} decided once when it is built. Two
 * implementations: DJL blocks (the course's architectures, any split stage) and two TorchScript modules.
 *
 * <p>Forward passes run in inference mode, and every result is created in the manager of the array passed in. Inputs
 * are not checked here; {@link Classifier} checks them and words the errors.
 */
public sealed interface SplitModel extends AutoCloseable permits BlockSplitModel, ScriptedSplitModel {
  /** Activations A at the split. */
  NDArray features(NDArray images);

  /** Logits from activations A. */
  NDArray head(NDArray activations);

  /** A fresh leaf array holding the activations that requires gradients, detached from anything the caller holds. */
  NDArray gradientLeaf(NDArray activations);

  /**
   * Logits from a {@link #gradientLeaf} inside an open gradient collector, with the head's parameters out of autograd
   * while it runs, so the backward pass reaches A — and only A.
   */
  NDArray headForGradients(NDArray leaf);

  /**
   * Logits from images inside an open gradient collector, through the features and the head, with every parameter out
   * of autograd while they run, so the backward pass reaches the images — and only them. {@code leaf} is an image batch
   * that requires gradients; callers check {@link #whyNoInputGradients()} first.
   */
  NDArray logitsForInputGradients(NDArray leaf);

  /** Why gradients cannot flow back to the input through this model, or empty when they can. */
  java.util.Optional<String> whyNoInputGradients();

  /** What the head is. */
  HeadKind headKind();

  Block featuresBlock();

  Block headBlock();

  /** The head's layers, nested sequential blocks flattened, in order. */
  List<Block> headLayers();

  /** The parameter store every forward pass uses (inference mode, parameters on the model's device). */
  ParameterStore parameterStore();

  /** The model that owns the parameters (for TorchScript: the features module). */
  Model model();

  default Device device() {
    return model().getNDManager().getDevice();
  }

  /** Frees the parameters (a split view frees the model it shares). */
  @Override
  void close();
}
