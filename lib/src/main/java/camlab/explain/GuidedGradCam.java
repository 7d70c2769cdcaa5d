package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import camlab.util.Scoped;

/**
 * Guided Grad-CAM (Selvaraju, Cogswell, Das, Vedantam, Parikh, Batra — "Grad-CAM", ICCV 2017, §3.1): the
 * fine-grained Guided Backprop map gated by the class-discriminative Grad-CAM map brought to the input resolution,
 * <pre>map(i, j) = max_c |R_0[c, i, j]| · up(L^c_Grad-CAM)(i, j)       [B, H, W],</pre>
 * with R_0 the guided gradient ({@link GuidedBackprop}) and {@code up} bilinear upsampling with half-pixel centres.
 * Because Grad-CAM is non-negative this equals max_c |R_0 ⊙ up(L)|, the paper's element-wise product shown as one map.
 * Grad-CAM is taken at the classifier's split, for the same classes as the guided gradient.
 */
public final class GuidedGradCam implements Explainer {
  @Override
  public String name() {
    return "guided-gradcam";
  }

  @Override
  public void checkApplicable(Classifier model) {
    LayerChain.of(model, "Guided Grad-CAM");
  }

  @Override
  public ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    checkApplicable(model); // refuse before any pass
    return Scoped.result(images, scratch -> {
      GuidedBackprop.Guided guided = GuidedBackprop.gradients(model, images, targets);
      NDArray gradCam = new GradCam().explain(model, images, Targets.perImage(guided.classes())).maps();
      long[] shape = guided.gradients().getShape().getShape();
      NDArray upsampled = MapOps.upsampleBilinear(gradCam, Math.toIntExact(shape[2]), Math.toIntExact(shape[3]));
      NDArray map = guided.gradients().abs().max(new int[] {1}).mul(upsampled);
      return new Explained(map, guided.logits(), guided.classes());
    }).named(name());
  }
}
