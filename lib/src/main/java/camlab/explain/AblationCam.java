package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;
import camlab.model.GlobalAveragePooling;
import camlab.model.HeadKind;
import camlab.ops.MapOps;
import camlab.util.Scoped;

/**
 * Ablation-CAM (Desai and Ramaswamy — "Ablation-CAM: Visual Explanations for Deep Convolutional Network via
 * Gradient-free Localization", WACV 2020): a channel's weight is the share of the class score lost when it is set to
 * zero,
 * <pre>α_k^c = ( y^c − y^c[A_k := 0] ) / y^c,     L^c = ReLU( Σ_k α_k^c · A_k ),</pre>
 * with y^c the logit. One forward pass gives A. The drop y^c − y^c[A_k := 0] is then found one of two ways:
 * <ul>
 *   <li>on a GAP + Linear head ({@code logits = GAP(A) · Wᵀ + b}) it is exactly {@code W[c, k] · mean(A_k)}: pooling
 *       works channel by channel and the layer is linear, so zeroing A_k removes that one term and the bias cancels.
 *       No head pass is needed, and the drop carries no rounding from subtracting two nearly equal scores;
 *   <li>on any other head the K ablated copies of A of every image go through the head, many at a time (the head sees
 *       {@code [rows, K, h, w]}, at most about {@value #PASS_BYTES} bytes of activations per pass).
 * </ul>
 */
public final class AblationCam implements Explainer {
  /** Activations sent through the head in one pass, at most (one ablated copy always goes). */
  public static final long PASS_BYTES = 32L << 20;

  @Override
  public String name() {
    return "ablationcam";
  }

  @Override
  public ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    return Scoped.result(images, scratch -> {
      FeaturePass pass = FeaturePass.forward(model, images, targets);
      NDArray oneHot = pass.classIndex.oneHot(model.numClasses(), pass.logits.getDataType()); // [B, C]
      NDArray score = pass.logits.mul(oneHot).sum(new int[] {1}, true); // y^c, [B, 1]
      NDArray drop = model.headKind() instanceof HeadKind.GapLinear linear
          ? dropOnGapLinearHead(linear.weights(), pass.activations, oneHot)
          : dropByHeadPasses(model, pass.activations, oneHot, score, scratch);
      NDArray weights = drop.div(score); // [B, K]
      return new Explained(MapOps.relu(FeaturePass.weightedSum(weights, pass.activations)), pass.logits, pass.classes);
    }).named(name());
  }

  /** {@code W[c, k] · mean_ij(A_k)}, {@code [B, K]}: the drop on a GAP + Linear head, W {@code [C, K]}. */
  static NDArray dropOnGapLinearHead(NDArray w, NDArray a, NDArray oneHot) {
    NDArray classWeights = oneHot.matMul(w.toDevice(a.getDevice(), false)); // W[c_b, :], [B, K]
    return classWeights.mul(GlobalAveragePooling.pool(a));
  }

  /**
   * {@code y^c − y^c[A_k := 0]}, {@code [B, K]}, from head passes over the ablated copies of A. The copies are written
   * once, n side by side ({@code [B, n·K, h, w]}); a pass zeroes channel {@code first + r} of copy r — at flat channel
   * {@code r·K + first + r}, one slice with step K + 1 — sends them through the head and writes those channels back,
   * so each pass reads its copies but writes only the n channels it ablates.
   */
  static NDArray dropByHeadPasses(Classifier model, NDArray a, NDArray oneHot, NDArray score, NDManager scratch) {
    Shape s = a.getShape();
    int batch = Math.toIntExact(s.get(0));
    int channels = Math.toIntExact(s.get(1));
    long height = s.get(2);
    long width = s.get(3);
    long copyBytes = 4L * s.size() / batch;
    int perPass = (int) Math.max(1, Math.min(channels, PASS_BYTES / (copyBytes * batch)));
    NDArray copies = a.expandDims(1).broadcast(new Shape(batch, perPass, channels, height, width)).duplicate()
        .reshape(batch, (long) perPass * channels, height, width);
    NDList ablatedScores = new NDList();
    for (int first = 0; first < channels; first += perPass) {
      int n = Math.min(perPass, channels - first);
      NDIndex ablated = new NDIndex(":, {}:{}:{}", first, first + (n - 1) * (channels + 1) + 1, channels + 1);
      try (NDManager chunk = scratch.newSubManager()) {
        copies.set(ablated, 0f);
        NDArray rows = (n == perPass ? copies : copies.get(":, :" + (long) n * channels)).reshape((long) batch * n, channels, height, width);
        rows.attach(chunk); // what is made from it below lives in the chunk and is freed with it
        NDArray logits = model.head(rows).reshape(batch, n, -1);
        NDArray picked = logits.mul(oneHot.expandDims(1)).sum(new int[] {2}); // y^c[A_k := 0], [B, n]
        picked.attach(scratch);
        ablatedScores.add(picked);
        if (first + n < channels) {
          NDArray kept = a.get(":, {}:{}", first, first + n);
          kept.attach(chunk);
          copies.set(ablated, kept);
        }
      }
    }
    NDArray ablatedScore = ablatedScores.size() == 1 ? ablatedScores.head() : NDArrays.concat(ablatedScores, 1);
    return score.sub(ablatedScore);
  }
}
