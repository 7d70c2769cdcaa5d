package camlab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import camlab.explain.AblationCam;
import camlab.explain.Explainer;
import camlab.explain.Explainers;
import camlab.explain.InputGradientExplainer;
import camlab.explain.IntegratedGradients;
import camlab.explain.ScoreCam;
import camlab.explain.SmoothGrad;
import camlab.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost of the modern CAMs and the input attributions next to the forward pass, and next to their floor: the network
 * passes each one cannot avoid, run on ready-made inputs of the sizes the method uses.
 *
 * <ul>
 *   <li>layercam, xgradcam, hirescam: target = this run's Grad-CAM ratio + 0.05 (the same forward and backward passes);
 *   <li>ablationcam: floor = 1 forward + the head passes over the B·K ablated copies, as the method batches them;
 *   <li>scorecam: floor = 1 forward + the forward passes over the B·K masked images;
 *   <li>integrated-gradients (m = 32), smoothgrad (n = 25): floor = 1 forward + the forward-and-backward passes to the
 *       input over the m·B (n·B) copies;
 *   <li>eigencam, saliency: no target (eigencam one forward and a small eigenproblem; saliency one backward to x).
 * </ul>
 * Each floor is timed against the forward pass like the method, and the target is 1.2 × the floor's ratio. All rows
 * keep the ratio to the plain forward pass, so they compare with every other row and with the PyTorch reference.
 */
public final class FamilyBench {
  /** How far above its floor a perturbation method may be. */
  public static final double FLOOR_FACTOR = 1.2;
  /** How far above Grad-CAM's ratio a gradient CAM may be. */
  public static final double GRADIENT_CAM_MARGIN = 0.05;

  /** Those of {@code names} that are among {@link #METHODS}, in the order given. */
  public static List<String> chosen(List<String> names) {
    return names.stream().filter(METHODS::contains).toList();
  }

  /** The methods, in table order. */
  public static final List<String> METHODS = List.of("layercam", "xgradcam", "hirescam", "ablationcam", "scorecam", "eigencam", "saliency",
      "integrated-gradients", "smoothgrad");

  private FamilyBench() {}

  /**
   * @param base a GAP + Linear model
   * @param gradCamRatio Grad-CAM's ratio in the same run at the same batch (for the gradient CAMs' target)
   * @param methods which of {@link #METHODS} to time
   */
  public static List<Row> run(String family, Classifier base, int batch, int reps, int warmup, double gradCamRatio, List<String> methods) {
    try (NDManager manager = NDManager.newBaseManager(base.device())) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(base.inputShape()));
      Runnable forward = () -> MethodBench.scoped(x, () -> MethodBench.wait(base.logits(x)));
      List<PairedTiming.Pair> pairs = new ArrayList<>();
      List<String> floors = new ArrayList<>();
      for (String name : methods) {
        Explainer method = Explainers.byName(name);
        pairs.add(new PairedTiming.Pair(name, forward, () -> MethodBench.scoped(x, () -> MethodBench.wait(method.explain(base, x).maps()))));
        Runnable floor = floor(name, base, x, manager);
        if (floor != null) {
          pairs.add(new PairedTiming.Pair(name + " floor", forward, floor));
          floors.add(name);
        }
      }
      Map<String, PairedTiming.Samples> s = PairedTiming.run(pairs, reps, warmup, PairedTiming.methodWarmupSeconds());
      List<Row> rows = new ArrayList<>();
      for (String name : methods) {
        PairedTiming.Samples m = s.get(name);
        Double target = switch (name) {
          case "layercam", "xgradcam", "hirescam" -> Stats.round(gradCamRatio + GRADIENT_CAM_MARGIN, 3);
          default -> floors.contains(name) ? Stats.round(FLOOR_FACTOR * s.get(name + " floor").ratio(), 3) : null;
        };
        if (floors.contains(name)) {
          PairedTiming.Samples f = s.get(name + " floor");
          rows.add(new Row(family, batch, name + " floor: " + passes(name, base, batch), f.medianMethodMs(), f.medianForwardMs(), f.ratio(),
              batch * 1000.0 / f.medianMethodMs(), null));
        }
        rows.add(new Row(family, batch, name, m.medianMethodMs(), m.medianForwardMs(), m.ratio(), batch * 1000.0 / m.medianMethodMs(), target));
      }
      return rows;
    }
  }

  /** The unavoidable passes of a perturbation method, or null for the others. */
  private static Runnable floor(String name, Classifier model, NDArray x, NDManager manager) {
    int batch = Math.toIntExact(x.getShape().get(0));
    Shape a = activationShape(model, x);
    int channels = Math.toIntExact(a.get(1));
    return switch (name) {
      case "ablationcam" -> {
        long copyBytes = 4L * a.size() / batch;
        int perPass = (int) Math.max(1, Math.min(channels, AblationCam.PASS_BYTES / (copyBytes * batch)));
        List<NDArray> chunks = chunks(manager, a.slice(1), batch, channels, perPass);
        yield () -> MethodBench.scoped(anchors(x, chunks), () -> {
          model.logits(x);
          for (int c = 0; c < passCount(channels, perPass); c++) MethodBench.wait(model.head(pick(chunks, channels, perPass, c)));
          return null;
        });
      }
      case "scorecam" -> {
        int perPass = Math.max(1, Math.min(channels, ScoreCam.PASS_IMAGES / batch));
        List<NDArray> chunks = chunks(manager, model.inputShape(), batch, channels, perPass);
        yield () -> MethodBench.scoped(anchors(x, chunks), () -> {
          model.logits(x);
          for (int c = 0; c < passCount(channels, perPass); c++) MethodBench.wait(model.logits(pick(chunks, channels, perPass, c)));
          return null;
        });
      }
      case "integrated-gradients", "smoothgrad" -> {
        int copies = name.equals("smoothgrad") ? SmoothGrad.DEFAULT_SAMPLES : IntegratedGradients.DEFAULT_STEPS;
        int perPass = Math.max(1, InputGradientExplainer.PASS_IMAGES / batch);
        List<NDArray> chunks = chunks(manager, model.inputShape(), batch, copies, perPass);
        yield () -> MethodBench.scoped(anchors(x, chunks), () -> {
          model.logits(x);
          for (int c = 0; c < passCount(copies, perPass); c++) MethodBench.wait(inputGradient(model, pick(chunks, copies, perPass, c)));
          return null;
        });
      }
      default -> null;
    };
  }

  /** "2 forward passes of 64 + 1 of 32" and the like. */
  private static String passes(String name, Classifier model, int batch) {
    try (NDManager m = NDManager.newBaseManager(model.device())) {
      Shape a = activationShape(model, m.zeros(new Shape(1).addAll(model.inputShape())));
      int channels = Math.toIntExact(a.get(1));
      return switch (name) {
        case "ablationcam" -> {
          long copyBytes = 4L * a.size();
          int perPass = (int) Math.max(1, Math.min(channels, AblationCam.PASS_BYTES / (copyBytes * batch)));
          yield "forward + " + describe(channels, perPass, batch, "head passes");
        }
        case "scorecam" -> "forward + " + describe(channels, Math.max(1, Math.min(channels, ScoreCam.PASS_IMAGES / batch)), batch, "forward passes");
        default -> "forward + " + describe(name.equals("smoothgrad") ? SmoothGrad.DEFAULT_SAMPLES : IntegratedGradients.DEFAULT_STEPS,
            Math.max(1, InputGradientExplainer.PASS_IMAGES / batch), batch, "forward+backward passes");
      };
    }
  }

  private static String describe(int copies, int perPass, int batch, String what) {
    int full = copies / perPass;
    int rest = copies % perPass;
    String one = what.replace("passes", "pass");
    String fullPasses = full == 0 ? "" : full + " " + (full == 1 ? one : what) + " of " + perPass * batch;
    String lastPass = rest == 0 ? "" : (full == 0 ? "1 " + one + " of " : "1 of ") + rest * batch;
    return fullPasses.isEmpty() ? lastPass : lastPass.isEmpty() ? fullPasses : fullPasses + " + " + lastPass;
  }

  private static Shape activationShape(Classifier model, NDArray x) {
    try (NDManager scope = x.getManager().newSubManager()) {
      NDArray one = x.get("0:1");
      one.attach(scope);
      return new Shape(x.getShape().get(0)).addAll(model.features(one).getShape().slice(1));
    }
  }

  /** The full chunk of {@code perPass · batch} rows and, if the copies do not divide evenly, the last smaller one. */
  private static List<NDArray> chunks(NDManager manager, Shape row, int batch, int copies, int perPass) {
    List<NDArray> chunks = new ArrayList<>();
    chunks.add(manager.randomUniform(0, 1, new Shape((long) Math.min(perPass, copies) * batch).addAll(row)));
    if (copies % perPass != 0 && copies > perPass) chunks.add(manager.randomUniform(0, 1, new Shape((long) (copies % perPass) * batch).addAll(row)));
    return chunks;
  }

  /** The image batch and the ready-made inputs, so that what a floor computes from either is freed after each call. */
  private static List<NDArray> anchors(NDArray x, List<NDArray> chunks) {
    List<NDArray> anchors = new ArrayList<>(List.of(x));
    anchors.addAll(chunks);
    return anchors;
  }

  private static int passCount(int copies, int perPass) {
    return (copies + perPass - 1) / perPass;
  }

  private static NDArray pick(List<NDArray> chunks, int copies, int perPass, int pass) {
    boolean last = pass == passCount(copies, perPass) - 1;
    return last && chunks.size() > 1 ? chunks.get(1) : chunks.get(0);
  }

  /** One forward and backward pass to the input, the class of each row its top-1 (what the methods' passes do). */
  private static NDArray inputGradient(Classifier model, NDArray inputs) {
    NDArray leaf = model.inputGradientLeaf(inputs, "bench");
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray logits = model.logitsForInputGradients(leaf);
      collector.backward(logits.max(new int[] {1}).sum());
    }
    return leaf.getGradient();
  }
}
