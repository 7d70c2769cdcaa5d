package camlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.explain.AcolMaps;
import camlab.explain.ActivationMaps;
import camlab.explain.Cam;
import camlab.explain.Conv1x1Maps;
import camlab.explain.Explainer;
import camlab.explain.GradCam;
import camlab.explain.GradCamPlusPlus;
import camlab.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cost of each method next to the forward pass it cannot avoid, for one architecture family and
 * batch size: CAM, Grad-CAM and Grad-CAM++ against the GAP + Linear model's forward pass; 1x1-conv maps
 * against the forward pass of the same backbone with a NiN head; ACoL maps against the ACoL model's
 * forward pass; and upsampling + min–max normalising a batch of CAMs to the input size against the
 * GAP + Linear forward pass. Inputs are uniform noise and weights random: the time does not depend on them.
 */
public final class MethodBench {
  /** Ratio targets of issue 7 (CPU). */
  public static final double CAM_TARGET = 1.05;
  public static final double GRADCAM_TARGET = 1.15;
  public static final double GRADCAM_PLUS_PLUS_TARGET = 1.25;
  public static final double UPSAMPLE_NORMALIZE_TARGET = 0.05;

  private MethodBench() {}

  /**
   * @param base GAP + Linear head (CAM, Grad-CAM, Grad-CAM++)
   * @param nin the same backbone with a 1×1-conv + GAP head
   * @param acol the same backbone with an ACoL head
   */
  public static List<Row> run(String family, Classifier base, Classifier nin, Classifier acol, int batch, int reps, int warmup) {
    try (NDManager manager = NDManager.newBaseManager(base.device())) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(base.inputShape()));
      Runnable forward = () -> scoped(x, () -> wait(base.logits(x)));
      Runnable ninForward = () -> scoped(x, () -> wait(nin.logits(x)));
      Runnable acolForward = () -> scoped(x, () -> wait(acol.logits(x)));
      ActivationMaps raw = new Cam().explain(base, x); // lives in x's manager until the end
      int h = (int) base.inputShape().get(1);
      int w = (int) base.inputShape().get(2);
      List<PairedTiming.Pair> pairs = List.of(
          new PairedTiming.Pair("cam", forward, explain(new Cam(), base, x)),
          new PairedTiming.Pair("gradcam", forward, explain(new GradCam(), base, x)),
          new PairedTiming.Pair("gradcam++", forward, explain(new GradCamPlusPlus(), base, x)),
          new PairedTiming.Pair("conv1x1", ninForward, explain(new Conv1x1Maps(), nin, x)),
          new PairedTiming.Pair("acol", acolForward, explain(new AcolMaps(), acol, x)),
          new PairedTiming.Pair("upsample+normalize", forward,
              () -> scoped(raw.maps(), () -> wait(raw.upsampleThenNormalize(h, w, ActivationMaps.Normalization.MIN_MAX).maps()))));
      Map<String, PairedTiming.Samples> s = PairedTiming.run(pairs, reps, warmup, PairedTiming.methodWarmupSeconds());
      List<Row> rows = new ArrayList<>();
      double[] baseForward = concat(s.get("cam").forwardMs(), s.get("gradcam").forwardMs(), s.get("gradcam++").forwardMs(),
          s.get("upsample+normalize").forwardMs());
      rows.add(forwardRow(family, batch, "forward", Stats.median(baseForward)));
      rows.add(row(family, batch, s.get("cam"), CAM_TARGET));
      rows.add(row(family, batch, s.get("gradcam"), GRADCAM_TARGET));
      rows.add(row(family, batch, s.get("gradcam++"), GRADCAM_PLUS_PLUS_TARGET));
      rows.add(forwardRow(family, batch, "forward (nin head)", s.get("conv1x1").medianForwardMs()));
      rows.add(row(family, batch, s.get("conv1x1"), null));
      rows.add(forwardRow(family, batch, "forward (acol head)", s.get("acol").medianForwardMs()));
      rows.add(row(family, batch, s.get("acol"), null));
      rows.add(row(family, batch, s.get("upsample+normalize"), UPSAMPLE_NORMALIZE_TARGET));
      return rows;
    }
  }

  private static Row row(String family, int batch, PairedTiming.Samples s, Double target) {
    double ms = s.medianMethodMs();
    return new Row(family, batch, s.name(), ms, s.medianForwardMs(), s.ratio(), batch * 1000.0 / ms, target);
  }

  private static Row forwardRow(String family, int batch, String what, double ms) {
    return new Row(family, batch, what, ms, ms, 1.0, batch * 1000.0 / ms, null);
  }

  private static Runnable explain(Explainer method, Classifier model, NDArray x) {
    return () -> scoped(x, () -> wait(method.explain(model, x).maps()));
  }

  /** Runs {@code body} with its temporaries in a sub-manager of {@code anchor}'s, closed right after. */
  static void scoped(NDArray anchor, Supplier<Object> body) {
    scoped(java.util.List.of(anchor), body);
  }

  /**
   * {@link #scoped(NDArray, Supplier)} with several inputs: everything computed from any of them during the call is freed
   * with the call, and the inputs return to their own managers.
   */
  static void scoped(java.util.List<NDArray> anchors, Supplier<Object> body) {
    try (NDManager scope = anchors.get(0).getManager().newSubManager()) {
      anchors.forEach(a -> a.tempAttach(scope));
      body.get();
    }
  }

  /**
   * Reads one number of the result. On the CPU the work is done already; on a GPU this waits for the
   * queued kernels, so the clock measures the computation and not its launch. One float, not the array:
   * the copy is not part of the method.
   */
  static Object wait(NDArray result) {
    long[] zeros = new long[result.getShape().dimension()];
    return result.getFloat(zeros);
  }

  private static double[] concat(double[]... parts) {
    return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
  }
}
