package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import camlab.util.Scoped;

/**
 * Score-CAM (Wang, Wang, Du, Yang, Zhang, Ding, Mardziel, Hu — "Score-CAM: Score-Weighted Visual Explanations for
 * Convolutional Neural Networks", CVPR Workshops 2020, Algorithm 1): each channel, upsampled to the input and scaled
 * into [0, 1], masks the image, and the class score of the masked image weights the channel:
 * <pre>H_k = minmax( bilinear(A_k → H × W) ),  s_k = y^c(x ⊙ H_k),  α = softmax_k(s),  L^c = ReLU( Σ_k α_k · A_k ).</pre>
 * Bilinear upsampling uses half-pixel centres (PyTorch's align_corners = false); a constant channel gives H_k = 0
 * (see {@link MapOps#minMaxNormalize}); s_k is the logit, and the mask multiplies every input channel. The B·K masked
 * images go through the whole network {@value #PASS_IMAGES} at a time (or one batch's worth, if larger): B·K forward
 * passes' work, the floor of the method.
 */
public final class ScoreCam implements Explainer {
  /** Masked images per forward pass, unless the batch is larger (then one mask of every image per pass). */
  public static final int PASS_IMAGES = 64;

  @Override
  public String name() {
    return "scorecam";
  }

  @Override
  public ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    return Scoped.result(images, scratch -> {
      FeaturePass pass = FeaturePass.forward(model, images, targets);
      NDArray a = pass.activations;
      NDArray x = images.toDevice(a.getDevice(), false);
      Shape s = a.getShape();
      Shape input = x.getShape();
      int batch = Math.toIntExact(s.get(0));
      int channels = Math.toIntExact(s.get(1));
      int height = Math.toIntExact(input.get(2));
      int width = Math.toIntExact(input.get(3));
      NDArray oneHot = pass.classIndex.oneHot(model.numClasses(), pass.logits.getDataType()).expandDims(1); // [B, 1, C]
      int perPass = Math.max(1, Math.min(channels, PASS_IMAGES / batch));
      NDArray image = x.expandDims(1); // [B, 1, C, H, W]
      NDList scores = new NDList();
      for (int first = 0; first < channels; first += perPass) {
        int n = Math.min(perPass, channels - first);
        try (NDManager chunk = scratch.newSubManager()) {
          NDArray channelMaps = a.get(":, " + first + ":" + (first + n)).reshape((long) batch * n, s.get(2), s.get(3));
          channelMaps.attach(chunk); // what is made from it below lives in the chunk and is freed with it
          NDArray masks = MapOps.minMaxNormalize(MapOps.upsampleBilinear(channelMaps, height, width)).reshape(batch, n, 1, height, width);
          NDArray masked = masks.mul(image).reshape(new Shape((long) batch * n).addAll(input.slice(1)));
          NDArray picked = model.logits(masked).reshape(batch, n, -1).mul(oneHot).sum(new int[] {2}); // s_k, [B, n]
          picked.attach(scratch);
          scores.add(picked);
        }
      }
      NDArray score = scores.size() == 1 ? scores.head() : NDArrays.concat(scores, 1);
      NDArray weights = score.softmax(1);
      return new Explained(MapOps.relu(FeaturePass.weightedSum(weights, a)), pass.logits, pass.classes);
    }).named(name());
  }
}
