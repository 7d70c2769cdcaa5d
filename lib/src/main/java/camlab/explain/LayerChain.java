package camlab.explain;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import camlab.model.AcolHead;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A classifier seen as one chain of layers from the image to the logits, cut at its ReLUs: the form a method needs
 * that replaces the backward rule of every ReLU (guided backprop), since DJL has no custom backward. The links
 * alternate between {@link Relu}s and {@link Segment}s — runs of layers with no ReLU inside, which the engine's autograd
 * differentiates as they are.
 *
 * <p>Only layers known to hide no ReLU join a segment: convolutions, Linear, BatchNorm, Dropout, pooling, flattening
 * and identity. Anything else — a residual block, a TorchScript module, a layer of unknown content — makes
 * {@link #of} refuse the model with the reason.
 */
final class LayerChain {
  /** One link of the chain. */
  sealed interface Link permits Relu, Segment {}

  /** A ReLU layer: its backward rule is the method's to choose. */
  record Relu(Block block) implements Link {}

  /** Consecutive layers without a ReLU: differentiated by the engine's autograd. */
  record Segment(List<Block> layers) implements Link {}

  /** Parameter-free layers DJL builds as named lambdas that hold no ReLU. */
  private static final Set<String> PLAIN_LAMBDAS = Set.of("maxPool1d", "maxPool2d", "maxPool3d", "avgPool1d", "avgPool2d", "avgPool3d",
      "globalAvgPool1d", "globalAvgPool2d", "globalAvgPool3d", "globalMaxPool1d", "globalMaxPool2d", "globalMaxPool3d", "batchFlatten",
      "identity", "GlobalAveragePooling");

  private final List<Link> links;

  private LayerChain(List<Link> links) {
    this.links = List.copyOf(links);
  }

  /** The links, image first. */
  List<Link> links() {
    return links;
  }

  /**
   * The whole network of {@code model} (features then head, whatever the split) as a chain.
   *
   * @param method the method's name for the error, e.g. "Guided Backprop"
   * @throws UnsupportedOperationException "… is not supported for this model because …", when it is not a chain
   */
  static LayerChain of(Classifier model, String method) {
    if (model.isScripted()) {
      throw unsupported(model, method, "a TorchScript model runs as two opaque modules, so the ReLUs inside them cannot be given another"
          + " backward rule");
    }
    List<Block> layers = new ArrayList<>();
    flatten(model.featuresBlock(), layers, model, method);
    flatten(model.headBlock(), layers, model, method);
    List<Link> links = new ArrayList<>();
    List<Block> segment = new ArrayList<>();
    for (Block layer : layers) {
      if (isRelu(layer)) {
        if (!segment.isEmpty()) links.add(new Segment(List.copyOf(segment)));
        segment.clear();
        links.add(new Relu(layer));
      } else {
        segment.add(layer);
      }
    }
    if (!segment.isEmpty()) links.add(new Segment(List.copyOf(segment)));
    return new LayerChain(links);
  }

  private static void flatten(Block block, List<Block> out, Classifier model, String method) {
    if (block instanceof SequentialBlock sequential) {
      sequential.getChildren().values().forEach(child -> flatten(child, out, model, method));
    } else if (block instanceof AcolHead acol) {
      acol.inferenceLayers().forEach(child -> flatten(child, out, model, method));
    } else if (block instanceof ParallelBlock) {
      throw unsupported(model, method, "it has parallel branches (residual connections), which are not one chain of layers");
    } else if (isRelu(block) || isPlain(block)) {
      out.add(block);
    } else {
      throw unsupported(model, method, "its layer " + describe(block) + " may hide ReLUs that the method cannot reach");
    }
  }

  private static boolean isRelu(Block block) {
    return block instanceof LambdaBlock lambda && "ReLU".equals(lambda.getName());
  }

  private static boolean isPlain(Block block) {
    return block instanceof Convolution || block instanceof Linear || block instanceof BatchNorm || block instanceof Dropout
        || block instanceof GlobalAveragePooling || (block instanceof LambdaBlock lambda && PLAIN_LAMBDAS.contains(lambda.getName()));
  }

  private static String describe(Block block) {
    return block instanceof LambdaBlock lambda ? "'" + lambda.getName() + "'" : block.getClass().getSimpleName();
  }

  private static UnsupportedOperationException unsupported(Classifier model, String method, String reason) {
    return new UnsupportedOperationException(method + " is not supported for the " + model.architecture() + " model because " + reason
        + ". It needs a plain chain of layers (the course's GAP-CNN, FC-CNN, NiN-CNN and ACoL are); Grad-CAM and the input-gradient"
        + " methods (saliency, integrated-gradients) work on any model.");
  }
}
