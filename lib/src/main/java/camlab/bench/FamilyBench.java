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
 *   <li>layercam, xgradcam, hirescam: target = Grad-CAM's ratio in the same interleaved series + 0.05 (the same forward and
 *       backward passes);
 *   <li>ablationcam: floor = 1 forward + the head passes over the B·K ablated copies, as the method batches them (on a GAP +
 *       Linear head the method needs no head pass, so it runs below this floor; the {@value #ABLATION_HEAD_PASSES} row
 *       times the passes themselves, against the NiN model's forward pass);
 *   <li>scorecam: floor = 1 forward + the forward passes over the B·K masked images;
 *   <li>integrated-gradients (m = 32), smoothgrad (n = 25): floor = 1 forward + the forward-and-backward passes to the
 *       input over the m·B (n·B) copies;
 *   <li>eigencam, saliency: no target (eigencam one forward and a small eigenproblem; saliency one backward to x).
 * </ul>
 * Each floor is timed against the forward pass like the method, and the target is 1.2 × the floor's ratio. All rows
 * keep the ratio to the plain forward pass, so they compare with every other row and with the PyTorch reference. The
 * methods of a few passes get as many repetitions as the core rows, the others fewer.
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

  /** The row of Ablation-CAM on the NiN head, where it makes its head passes (on a GAP + Linear head it needs none). */
  public static final String ABLATION_HEAD_PASSES = "ablationcam (nin head)";

  /**
   * @param base a GAP + Linear model
   * @param nin the same backbone with a NiN head, on which Ablation-CAM runs its head passes; null for no such row
   * @param reps repetitions of the methods that cost a few passes (the gradient CAMs, Eigen-CAM, saliency)
   * @param fewerReps repetitions of those that cost tens to thousands of passes
   * @param methods which of {@link #METHODS} to time
   */
  public static List<Row> run(String family, Classifier base, Classifier nin, int batch, int reps, int fewerReps, int warmup, List<String> methods) {
    try (NDManager manager = NDManager.newBaseManager(base.device())) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(base.inputShape()));
      List<Timed> timed = new ArrayList<>();
      for (String name : methods) {
        timed.add(new Timed(name, name, base));
        if (name.equals("ablationcam") && nin != null) timed.add(new Timed(ABLATION_HEAD_PASSES, name, nin));
      }
      List<Timed> few = timed.stream().filter(t -> FEW_PASSES.contains(t.method())).toList();
      List<Timed> many = timed.stream().filter(t -> !FEW_PASSES.contains(t.method())).toList();
      Map<String, PairedTiming.Samples> s = new java.util.HashMap<>();
      List<String> floors = new ArrayList<>();
      List<PairedTiming.Pair> fewPairs = pairs(few, x, manager, floors);
      if (few.stream().anyMatch(t -> GRADIENT_CAMS.contains(t.method()))) {
        Explainer gradCam = Explainers.byName("gradcam"); // their target is Grad-CAM's ratio in the same series
        fewPairs.add(new PairedTiming.Pair("gradcam", forward(base, x), () -> MethodBench.scoped(x, () -> MethodBench.wait(gradCam.explain(base, x).maps()))));
      }
      if (!fewPairs.isEmpty()) s.putAll(PairedTiming.run(fewPairs, reps, warmup, PairedTiming.methodWarmupSeconds()));
      List<PairedTiming.Pair> manyPairs = pairs(many, x, manager, floors);
      if (!manyPairs.isEmpty()) s.putAll(PairedTiming.run(manyPairs, fewerReps, warmup, PairedTiming.methodWarmupSeconds()));
      List<Row> rows = new ArrayList<>();
      for (Timed t : timed) {
        PairedTiming.Samples m = s.get(t.row());
        Double target = null;
        if (GRADIENT_CAMS.contains(t.method())) target = Stats.round(s.get("gradcam").ratio() + GRADIENT_CAM_MARGIN, 3);
        if (floors.contains(t.row())) {
          PairedTiming.Samples f = s.get(t.row() + " floor");
          target = Stats.round(FLOOR_FACTOR * f.ratio(), 3);
          rows.add(new Row(family, batch, t.row() + " floor: " + passes(t.method(), t.model(), batch), f.medianMethodMs(), f.medianForwardMs(),
              f.ratio(), batch * 1000.0 / f.medianMethodMs(), null));
        }
        rows.add(new Row(family, batch, t.row(), m.medianMethodMs(), m.medianForwardMs(), m.ratio(), batch * 1000.0 / m.medianMethodMs(), target));
      }
      return rows;
    }
  }

  /** The methods held to Grad-CAM's ratio: the same forward and backward passes. */
  private static final List<String> GRADIENT_CAMS = List.of("layercam", "xgradcam", "hirescam");
  /** The methods that cost a few passes, timed with as many repetitions as the core rows. */
  private static final List<String> FEW_PASSES = List.of("layercam", "xgradcam", "hirescam", "eigencam", "saliency");

  /** Each method against its model's forward pass and, where it has one, its floor (whose row is added to {@code floors}). */
  private static List<PairedTiming.Pair> pairs(List<Timed> timed, NDArray x, NDManager manager, List<String> floors) {
    List<PairedTiming.Pair> pairs = new ArrayList<>();
    for (Timed t : timed) {
      Explainer method = Explainers.byName(t.method());
      pairs.add(new PairedTiming.Pair(t.row(), forward(t.model(), x), () -> MethodBench.scoped(x, () -> MethodBench.wait(method.explain(t.model(), x).maps()))));
      Runnable floor = floor(t.method(), t.model(), x, manager);
      if (floor != null) {
        pairs.add(new PairedTiming.Pair(t.row() + " floor", forward(t.model(), x), floor));
        floors.add(t.row());
      }
    }
    return pairs;
  }

  private static Runnable forward(Classifier model, NDArray x) {
    return () -> MethodBench.scoped(x, () -> MethodBench.wait(model.logits(x)));
  }

  /** A row of the table: a method on a model, each compared with that model's forward pass. */
  private record Timed(String row, String method, Classifier model) {}

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
        yield passes(model, x, chunks, passCount(channels, perPass), c -> model.head(pick(chunks, channels, perPass, c)));
      }
      case "scorecam" -> {
        int perPass = Math.max(1, Math.min(channels, ScoreCam.PASS_IMAGES / batch));
        List<NDArray> chunks = chunks(manager, model.inputShape(), batch, channels, perPass);
        yield passes(model, x, chunks, passCount(channels, perPass), c -> model.logits(pick(chunks, channels, perPass, c)));
      }
      case "integrated-gradients", "smoothgrad" -> {
        int copies = name.equals("smoothgrad") ? SmoothGrad.DEFAULT_SAMPLES : IntegratedGradients.DEFAULT_STEPS;
        int perPass = Math.max(1, InputGradientExplainer.PASS_IMAGES / batch);
        List<NDArray> chunks = chunks(manager, model.inputShape(), batch, copies, perPass);
        yield passes(model, x, chunks, passCount(copies, perPass), c -> inputGradient(model, pick(chunks, copies, perPass, c)));
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

  /**
   * One forward pass of the batch, then {@code count} passes over the ready-made inputs. What each pass computes is freed
   * when it ends, as the methods free each chunk's work, so the floor pays for no memory a method would not hold.
   */
  private static Runnable passes(Classifier model, NDArray x, List<NDArray> chunks, int count, java.util.function.IntFunction<NDArray> pass) {
    return () -> {
      MethodBench.scoped(x, () -> MethodBench.wait(model.logits(x)));
      for (int c = 0; c < count; c++) {
        int index = c;
        MethodBench.scoped(chunks, () -> MethodBench.wait(pass.apply(index)));
      }
    };
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
