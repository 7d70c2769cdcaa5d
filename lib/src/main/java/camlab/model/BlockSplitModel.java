package camlab.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A network of DJL blocks split after one of its feature stages: the stages up to the split are the features, the
 * later ones join the head. Views at other stages share the model and its parameters.
 */
final class BlockSplitModel implements SplitModel {
  private final Model model;
  private final List<Block> stages;
  private final Block originalHead;
  private final Block features;
  private final Block head;
  private final List<Block> headLayers;
  private final List<Parameter> headParameters;
  private final List<Parameter> allParameters;
  private final HeadKind headKind;
  private final ParameterStore parameters;

  /** @param split how many stages the features have, 1 .. stages */
  BlockSplitModel(Model model, List<Block> stages, Block originalHead, int split) {
    if (split < 1 || split > stages.size()) throw new IllegalArgumentException("split " + split + " of " + stages.size() + " stages");
    this.model = model;
    this.stages = List.copyOf(stages);
    this.originalHead = originalHead;
    if (split == stages.size() && stages.size() == 1) {
      this.features = stages.get(0);
    } else {
      SequentialBlock f = new SequentialBlock();
      stages.subList(0, split).forEach(f::add);
      this.features = f;
    }
    if (split == stages.size()) {
      this.head = originalHead;
    } else {
      SequentialBlock h = new SequentialBlock();
      stages.subList(split, stages.size()).forEach(h::add);
      h.add(originalHead);
      this.head = h;
    }
    this.headLayers = flatten(head);
    this.headParameters = head.getParameters().values();
    List<Parameter> all = new ArrayList<>(features.getParameters().values());
    all.addAll(headParameters);
    this.allParameters = List.copyOf(all);
    this.headKind = HeadKind.of(headLayers);
    this.parameters = new ParameterStore(model.getNDManager(), false);
  }

  /** The same model split after {@code split} stages. */
  BlockSplitModel splitAfter(int split) {
    return new BlockSplitModel(model, stages, originalHead, split);
  }

  @Override
  public NDArray features(NDArray images) {
    return features.forward(parameters, new NDList(images), false).singletonOrThrow();
  }

  @Override
  public NDArray head(NDArray activations) {
    return head.forward(parameters, new NDList(activations), false).singletonOrThrow();
  }

  /** A detached view of A that requires gradients, so gradients never accumulate on an array the caller holds. */
  @Override
  public NDArray gradientLeaf(NDArray activations) {
    NDArray leaf = activations.stopGradient();
    leaf.setRequiresGradient(true);
    return leaf;
  }

  @Override
  public NDArray headForGradients(NDArray leaf) {
    return FrozenHead.run(headParameters, () -> head(leaf));
  }

  @Override
  public NDArray logitsForInputGradients(NDArray leaf) {
    return FrozenHead.run(allParameters, () -> head(features(leaf)));
  }

  /** DJL blocks always record the graph of a forward pass inside a gradient collector. */
  @Override
  public java.util.Optional<String> whyNoInputGradients() {
    return java.util.Optional.empty();
  }

  @Override
  public HeadKind headKind() {
    return headKind;
  }

  @Override
  public Block featuresBlock() {
    return features;
  }

  @Override
  public Block headBlock() {
    return head;
  }

  @Override
  public List<Block> headLayers() {
    return headLayers;
  }

  @Override
  public ParameterStore parameterStore() {
    return parameters;
  }

  @Override
  public Model model() {
    return model;
  }

  @Override
  public void close() {
    model.close();
  }

  private static List<Block> flatten(Block block) {
    List<Block> out = new ArrayList<>();
    flatten(block, out);
    return List.copyOf(out);
  }

  private static void flatten(Block block, List<Block> out) {
    if (block instanceof SequentialBlock seq) {
      seq.getChildren().values().forEach(child -> flatten(child, out));
    } else {
      out.add(block);
    }
  }
}
