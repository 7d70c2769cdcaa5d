package camlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.explain.Explainer;
import camlab.explain.GuidedBackprop;
import camlab.explain.GuidedGradCam;
import camlab.explain.Occlusion;
import camlab.explain.Rise;
import camlab.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost of the perturbation methods next to the passes they cannot avoid, and of the guided methods next to the
 * forward pass. Occlusion and RISE need one pass of the batch (the logits) and one pass of every masked image, which they
 * run {@value #MASKED_BATCH} at a time, so their floor is
 * <pre>floor = forward(B) + (B · N / 64) · forward(64),      target: time ≤ 1.2 · floor,</pre>
 * both reported as multiples of forward(B), like every other row,
 * N the windows or masks per image, forward(n) the median time of one pass of n images. Guided Backprop and Guided
 * Grad-CAM are reported against the forward pass at B (one forward and one backward pass; Guided Grad-CAM adds
 * Grad-CAM's), without a target. Models they do not support (ResNet-18) get no guided rows.
 */
public final class PerturbationBench {
  /** The ratio to the floor the issue asks for. */
  public static final double FLOOR_TARGET = 1.2;

  /** Masked images per pass: the perturbation methods' default. */
  static final int MASKED_BATCH = 64;

  /** The methods, in table order ({@code camlab bench --methods}). */
  public static final List<String> METHODS = List.of("occlusion", "rise", "guided-backprop", "guided-gradcam");

  private PerturbationBench() {}

  /** Those of {@code names} that are among {@link #METHODS}, in the order given. */
  public static List<String> chosen(List<String> names) {
    return names.stream().filter(METHODS::contains).toList();
  }

  /** The settings timed for a family: the library defaults where a call takes seconds, fewer windows and masks where it would take minutes. */
  public record Settings(Occlusion occlusion, Rise rise) {
    /** GAP-CNN, 64×64: 8×8 patch, stride 4 (225 windows); 250 masks. */
    public static Settings gapCnn() {
      return new Settings(new Occlusion(8, 4), new Rise(250, 0));
    }

    /** ResNet-18, 224×224: one pass of 64 images takes seconds on 2 cores, so 56×56 patches with stride 56 (16 windows), 16 masks. */
    public static Settings resnet18() {
      return new Settings(new Occlusion(56, 56), new Rise(16, 0));
    }
  }

  /**
   * Rows for the chosen methods: occlusion and RISE against their floor, the guided ones (where the model is a chain of
   * layers) against the forward pass.
   *
   * @param methods which of {@link #METHODS} to time
   */
  public static List<Row> run(String family, Classifier model, Settings settings, int batch, int reps, int warmup, List<String> methods) {
    try (NDManager manager = NDManager.newBaseManager(model.device())) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(model.inputShape()));
      NDArray full = manager.randomUniform(0, 1, new Shape(MASKED_BATCH).addAll(model.inputShape()));
      Runnable forward = () -> MethodBench.scoped(x, () -> MethodBench.wait(model.logits(x)));
      Runnable forwardFull = () -> MethodBench.scoped(full, () -> MethodBench.wait(model.logits(full)));
      int h = Math.toIntExact(model.inputShape().get(1));
      int w = Math.toIntExact(model.inputShape().get(2));
      int windows = ((h - settings.occlusion().patch()) / settings.occlusion().stride() + 1)
          * ((w - settings.occlusion().patch()) / settings.occlusion().stride() + 1);
      List<PairedTiming.Pair> pairs = new ArrayList<>();
      pairs.add(new PairedTiming.Pair("forward(64)", forward, forwardFull));
      if (methods.contains("occlusion")) pairs.add(new PairedTiming.Pair("occlusion", forward, explain(settings.occlusion(), model, x)));
      if (methods.contains("rise")) pairs.add(new PairedTiming.Pair("rise", forward, explain(settings.rise(), model, x)));
      List<String> guided = supports(model) ? methods.stream().filter(m -> m.startsWith("guided-")).toList() : List.of();
      for (String name : guided) pairs.add(new PairedTiming.Pair(name, forward, explain(memoryMethod(name), model, x)));
      Map<String, PairedTiming.Samples> s = PairedTiming.run(pairs, reps, warmup, 0);
      double forwardB = s.get("forward(64)").medianForwardMs();
      double forward64 = s.get("forward(64)").medianMethodMs();
      List<Row> rows = new ArrayList<>();
      rows.add(new Row(family, batch, "forward (64 masked images)", forward64, forward64, 1.0, MASKED_BATCH * 1000.0 / forward64, null));
      if (methods.contains("occlusion")) {
        addWithFloor(rows, family, batch, s.get("occlusion"), forwardB, forward64, windows, windows + " windows of " + settings.occlusion().patch() + "x"
            + settings.occlusion().patch() + ", stride " + settings.occlusion().stride());
      }
      if (methods.contains("rise")) {
        addWithFloor(rows, family, batch, s.get("rise"), forwardB, forward64, settings.rise().maskCount(), settings.rise().maskCount() + " masks");
      }
      for (String name : guided) {
        PairedTiming.Samples g = s.get(name);
        rows.add(new Row(family, batch, name, g.medianMethodMs(), g.medianForwardMs(), g.ratio(), batch * 1000.0 / g.medianMethodMs(), null));
      }
      return rows;
    }
  }

  /** One of {@link #METHODS} at settings that keep a call short, for {@code camlab bench --memory}'s loop. */
  public static Explainer memoryMethod(String name) {
    return switch (name) {
      case "occlusion" -> new Occlusion(32, 16);
      case "rise" -> new Rise(16, 0);
      case "guided-backprop" -> new GuidedBackprop();
      case "guided-gradcam" -> new GuidedGradCam();
      default -> throw new IllegalArgumentException("Not one of " + METHODS + ": '" + name + "'.");
    };
  }

  /**
   * The floor row — {@code forward(B) + (B · N / 64) · forward(64)} as a multiple of forward(B) — then the method's row
   * against forward(B), its target {@value #FLOOR_TARGET} × the floor's ratio (the convention of {@link FamilyBench}).
   */
  private static void addWithFloor(List<Row> rows, String family, int batch, PairedTiming.Samples s, double forwardB, double forward64,
      int perImage, String settings) {
    double floorMs = forwardB + (double) batch * perImage / MASKED_BATCH * forward64;
    double floorRatio = floorMs / forwardB;
    double passes = (double) batch * perImage / MASKED_BATCH;
    String count = passes == Math.rint(passes) ? String.valueOf((long) passes) : String.format(java.util.Locale.ROOT, "%.2f", passes);
    rows.add(new Row(family, batch, s.name() + " floor: forward + " + count + " forward passes of 64 (" + settings + ")", floorMs, forwardB,
        floorRatio, batch * 1000.0 / floorMs, null));
    double ms = s.medianMethodMs();
    rows.add(new Row(family, batch, s.name(), ms, s.medianForwardMs(), s.ratio(), batch * 1000.0 / ms, Stats.round(FLOOR_TARGET * floorRatio, 3)));
  }

  private static boolean supports(Classifier model) {
    try {
      new GuidedBackprop().checkApplicable(model);
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  private static Runnable explain(Explainer method, Classifier model, NDArray x) {
    return () -> MethodBench.scoped(x, () -> MethodBench.wait(method.explain(model, x).maps()));
  }
}
