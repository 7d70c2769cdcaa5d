package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.model.HeadKind;
import camlab.ops.kernels.MapKernels;
import camlab.util.Scoped;
import java.util.Arrays;

/**
 * Class activation mapping (Zhou, Khosla, Lapedriza, Oliva, Torralba — CVPR 2016).
 *
 * <p>For a network whose head is global average pooling followed by one Linear layer with weights
 * {@code W [C, K]}, the score of class c is {@code S_c = Σ_k w_k^c · GAP(A_k)}; moving the linear sum
 * inside the average gives the class activation map
 * <pre>M_c(i, j) = Σ_k w_k^c · A_k(i, j),   so   S_c = mean_{i,j} M_c(i, j).</pre>
 * The Linear layer's bias, if any, is ignored: it adds the same constant to every position, which
 * normalisation removes (and Zhou et al. set it to zero). No ReLU: CAM keeps negative evidence.
 */
public final class Cam extends ChannelWeightedExplainer {
  @Override
  public String name() {
    return "cam";
  }

  @Override
  protected boolean needsGradients() {
    return false;
  }

  @Override
  protected boolean relu() {
    return false;
  }

  @Override
  public void checkApplicable(Classifier model) {
    classWeights(model);
  }

  @Override
  protected NDArray channelWeights(Classifier model, NDArray activations, NDArray gradients, NDArray classes) {
    return rows(classWeights(model), classes); // W, the classes and A all come from this model, on its device
  }

  private static NDArray classWeights(Classifier model) {
    if (model.headKind() instanceof HeadKind.GapLinear linear) return linear.weights();
    throw new UnsupportedOperationException(
        "CAM needs a head made of global average pooling followed by one Linear layer, whose weights say how much each"
            + " channel counts for each class. The head of the " + model.architecture() + " model (split after '"
            + model.targetLayer() + "') is not like that. Use Grad-CAM, which works with any differentiable head.");
  }

  /** Row {@code classes[b]} of W for every image, {@code [B, K]}, in the class index's manager (never in W's). */
  private static NDArray rows(NDArray classWeights, NDArray classes) {
    return MapKernels.active().rows(classWeights, classes);
  }

  /**
   * M_c for each image: {@code maps[b] = Σ_k classWeights[classes[b], k] · features[b, k]}.
   *
   * @param features activations A, {@code [B, K, h, w]}
   * @param classWeights a Linear layer's weight W, {@code [C, K]}
   * @param classes the class of each image, length B, each in [0, C)
   * @return {@code [B, h, w]} float32 in the features' manager (nothing is added to the weights' manager)
   */
  public static NDArray classActivationMaps(NDArray features, NDArray classWeights, int[] classes) {
    Shape fs = features.getShape();
    Shape ws = classWeights.getShape();
    if (fs.dimension() != 4) {
      throw new IllegalArgumentException("features must be [batch, channels, height, width]; got " + fs + ".");
    }
    if (ws.dimension() != 2 || ws.get(1) != fs.get(1)) {
      throw new IllegalArgumentException("classWeights must be [classes, " + fs.get(1) + "] to match " + fs.get(1)
          + " feature channels; got " + ws + ".");
    }
    if (classes.length != fs.get(0)) {
      throw new IllegalArgumentException("Batch/target mismatch: " + fs.get(0) + " feature maps but " + classes.length + " classes.");
    }
    for (int c : classes) {
      if (c < 0 || c >= ws.get(0)) {
        throw new IllegalArgumentException("Class index " + c + " is out of range 0.." + (ws.get(0) - 1) + ".");
      }
    }
    return Scoped.compute(features, scratch -> {
      NDArray index = scratch.create(Arrays.stream(classes).asLongStream().toArray()).toDevice(classWeights.getDevice(), false);
      return FeaturePass.weightedSum(rows(classWeights, index).toDevice(features.getDevice(), false), features);
    });
  }

  /** The logits a GAP + Linear head computes from its class maps: the mean over positions. */
  public static NDArray logitsFromMaps(NDArray maps) {
    return maps.mean(new int[] {2}).mean(new int[] {1});
  }
}
