package camlab.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import camlab.model.Classifier;
import camlab.ops.kernels.MapKernels;
import camlab.util.Scoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Guided Backpropagation (Springenberg, Dosovitskiy, Brox, Riedmiller — "Striving for Simplicity: The All
 * Convolutional Net", ICLR workshop 2015). The gradient of the target logit with respect to the input pixels, except
 * that every ReLU passes back only positive gradient where its input was positive:
 * <pre>R_l = 1[f_l &gt; 0] · 1[R_{l+1} &gt; 0] · R_{l+1}     (plain backprop: R_l = 1[f_l &gt; 0] · R_{l+1}),
 * map(i, j) = max_c |R_0[c, i, j]|       at the input resolution [B, H, W].</pre>
 *
 * <p>DJL has no custom backward, so the network runs as a {@link LayerChain}: each run of layers between two ReLUs
 * starts from its own leaf, the engine's autograd gives the vector–Jacobian product through it, and the rule above is
 * applied by hand at each ReLU. One forward and one backward pass, as for the plain gradient. Models that are not a
 * chain of layers (TorchScript, residual networks) are refused with the reason.
 */
public final class GuidedBackprop implements Explainer {
  @Override
  public String name() {
    return "guided-backprop";
  }

  @Override
  public void checkApplicable(Classifier model) {
    LayerChain.of(model, "Guided Backprop");
  }

  @Override
  public ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    LayerChain chain = LayerChain.of(model, "Guided Backprop");
    return Scoped.result(images, scratch -> {
      Guided guided = gradients(model, chain, images, targets);
      return new Explained(guided.gradients.abs().max(new int[] {1}), guided.logits, guided.classes);
    }).named(name());
  }

  /** The guided gradient R_0 {@code [B, C, H, W]}, with the logits and classes it was taken for. */
  record Guided(NDArray gradients, NDArray logits, int[] classes) {}

  /**
   * The guided gradient of each image's target logit with respect to the images, in the images' manager.
   *
   * @throws UnsupportedOperationException when the model is not a chain of layers
   */
  static Guided gradients(Classifier model, NDArray images, Targets targets) {
    return gradients(model, LayerChain.of(model, "Guided Backprop"), images, targets);
  }

  private static Guided gradients(Classifier model, LayerChain chain, NDArray images, Targets targets) {
    NDArray x = model.checkImages(images);
    ParameterStore parameters = model.parameterStore();
    List<NDArray> saved = new ArrayList<>(); // per link: the ReLU's input, or the segment's leaf
    List<NDArray> outputs = new ArrayList<>(); // per link: the segment's output (null for a ReLU)
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      for (LayerChain.Link link : chain.links()) {
        if (link instanceof LayerChain.Relu relu) {
          saved.add(x);
          outputs.add(null);
          x = forward(relu.block(), parameters, x);
        } else if (link instanceof LayerChain.Segment segment) {
          NDArray leaf = x.stopGradient();
          leaf.setRequiresGradient(true);
          x = model.withParametersFrozen(() -> forward(segment.layers(), parameters, leaf));
          saved.add(leaf);
          outputs.add(x);
        }
      }
      NDArray logits = x.stopGradient();
      Targets.Resolved classes = targets.resolveOnDevice(logits);
      NDArray r = classes.index().oneHot(Math.toIntExact(logits.getShape().get(1)), logits.getDataType());
      for (int i = chain.links().size() - 1; i >= 0; i--) {
        if (chain.links().get(i) instanceof LayerChain.Relu) {
          r = guidedRelu(saved.get(i), r);
        } else {
          MapKernels.active().backward(collector, outputs.get(i), r);
          r = saved.get(i).getGradient();
        }
      }
      return new Guided(r, logits, classes.classes());
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("already collecting")) {
        throw new IllegalStateException("Guided Backprop needs its own GradientCollector, but one is already open (are you inside a"
            + " training step?). Explain after closing it.", e);
      }
      throw e;
    }
  }

  /** The guided rule at a ReLU with input f: 1[f &gt; 0] · max(R, 0). */
  static NDArray guidedRelu(NDArray input, NDArray upstream) {
    return upstream.maximum(0f).mul(input.gt(0f).toType(DataType.FLOAT32, false));
  }

  private static NDArray forward(List<Block> layers, ParameterStore parameters, NDArray x) {
    for (Block layer : layers) x = forward(layer, parameters, x);
    return x;
  }

  private static NDArray forward(Block layer, ParameterStore parameters, NDArray x) {
    return layer.forward(parameters, new NDList(x), false).singletonOrThrow();
  }
}
