package camlab.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The whole trainable network: {@code features} then {@code head}. Its input is {@code (images)} or,
 * when training, {@code (images, labels)}; the labels reach only a {@link LabelAwareHead} (ACoL erases
 * features with the map of the true class). Its output is one or more logits arrays — one per
 * classifier branch — and training sums the cross-entropy of all of them.
 */
final class SplitNetwork extends AbstractBlock {
  private final Block features;
  private final Block head;

  SplitNetwork(Block features, Block head) {
    this.features = addChildBlock("features", features);
    this.head = addChildBlock("head", head);
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList activations = features.forward(parameterStore, new NDList(inputs.get(0)), training, params);
    NDList headInputs = activations;
    if (head instanceof LabelAwareHead && inputs.size() > 1) headInputs = new NDList(activations.singletonOrThrow(), inputs.get(1));
    return head.forward(parameterStore, headInputs, training, params);
  }

  @Override
  public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    features.initialize(manager, dataType, inputShapes[0]);
    head.initialize(manager, dataType, features.getOutputShapes(new Shape[] {inputShapes[0]}));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(features.getOutputShapes(new Shape[] {inputShapes[0]}));
  }
}
