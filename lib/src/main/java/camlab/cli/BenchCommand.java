package camlab.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import camlab.bench.FamilyBench;
import camlab.bench.Machine;
import camlab.bench.MemoryLoop;
import camlab.bench.MethodBench;
import camlab.bench.PerturbationBench;
import camlab.bench.Row;
import camlab.bench.RowTable;
import camlab.bench.Stats;
import camlab.bench.TrainingBench;
import camlab.explain.Cam;
import camlab.explain.GradCam;
import camlab.explain.GradCamPlusPlus;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.ops.kernels.MapKernels;
import camlab.util.AtomicFile;
import camlab.util.Devices;
import camlab.util.MemoryProbe;
import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code camlab bench}: what each method costs next to the forward pass it cannot avoid (GAP-CNN on
 * 1×64×64 and ResNet-18 on 3×224×224, batch 1 and 32, each method interleaved with its own forward pass;
 * see {@link camlab.bench.PairedTiming}), the cost of upsampling + normalising the maps, the GAP-CNN's
 * training throughput next to its inference throughput at batch 64, and the peak RSS.
 * {@code --memory N} instead runs N explain calls in a loop and reports the RSS curve.
 * Weights are random: the time of a forward pass does not depend on what was learned.
 */
final class BenchCommand implements Main.Command {
  private static final List<String> FAMILIES = List.of("gap-cnn", "resnet18");
  /**
   * Default repetitions. A GAP-CNN pass is short, so its per-repetition ratios are noisy and the median needs many of
   * them to be stable from run to run; a ResNet-18 pass is long and steady enough for a few (docs/performance.md).
   */
  private static final int GAP_CNN_REPS = 150;
  private static final int RESNET18_REPS = 15;
  private static final int MAX_BATCH = 256;
  /** ResNet-18's convolution outputs for one 3×224×224 image, added up: 2.5 M floats (0.8 M of them after the stem), 10 MB. */
  private static final long RESNET18_BYTES_PER_IMAGE = 10L << 20;

  @Override
  public String summary() {
    return "time each method against the forward pass (--json FILE, --device cpu|gpu, --reps N (default 150 GAP-CNN, 15 ResNet-18), --warmup N, --memory N,"
        + " --kernels fast|reference, --methods all|none|layercam,scorecam,... for the modern CAMs and input attributions)";
  }

  @Override
  public int run(String[] argv) throws Exception {
    Args args = new Args("bench", argv, Set.of("json", "device", "reps", "warmup", "memory", "models", "batches", "kernels", "methods"), Set.of());
    int reps = args.getInt("reps", 0); // 0: each family's default
    int warmup = args.getInt("warmup", 2);
    if (args.has("reps") && reps < 1) throw new Args.UsageException("--reps must be at least 1; got " + reps + ".");
    int gapReps = reps > 0 ? reps : GAP_CNN_REPS;
    int resnetReps = reps > 0 ? reps : RESNET18_REPS;
    if (warmup < 0) throw new Args.UsageException("--warmup must be 0 or more; got " + warmup + ".");
    List<String> families = list(args.get("models", String.join(",", FAMILIES)));
    for (String f : families) {
      if (!FAMILIES.contains(f)) throw new Args.UsageException("Unknown model '" + f + "' for --models; choose from " + FAMILIES + ".");
    }
    int[] batches = list(args.get("batches", "1,32")).stream().mapToInt(b -> positive("--batches", b)).toArray();
    for (int b : batches) {
      if (b > MAX_BATCH) {
        throw new Args.UsageException("--batches takes sizes from 1 to " + MAX_BATCH + "; got " + b + " (the feature maps of a ResNet-18 batch of " + b
            + " images add up to about " + ExplainCommand.size(b * RESNET18_BYTES_PER_IMAGE) + ").");
      }
    }
    List<String> methods = familyMethods(args.get("methods", "all"));
    MapKernels kernels = kernels(args.get("kernels", "fast"));
    Device device = device(args.get("device", "cpu"));
    Path jsonOut = args.getPath("json");
    new Outputs().writesFile("--json", jsonOut).check();
    Engine.getInstance().setRandomSeed(1);
    try (MapKernels.Scope scope = MapKernels.use(kernels)) {
      return measure(args, argv, device, jsonOut, families, batches, gapReps, resnetReps, warmup, kernels, methods);
    }
  }

  /** {@code --methods}: which of the modern CAMs and input attributions to time (all, none, or a list), besides the core rows. */
  static List<String> familyMethods(String value) {
    List<String> known = new ArrayList<>(FamilyBench.METHODS);
    known.addAll(PerturbationBench.METHODS);
    if (value.equals("all")) return List.copyOf(known);
    if (value.equals("none")) return List.of();
    List<String> chosen = list(value);
    for (String m : chosen) {
      if (!known.contains(m)) {
        throw new Args.UsageException("--methods takes all, none or names from " + known + "; got '" + m + "'.");
      }
    }
    return chosen;
  }

  /** {@code --kernels}: the library's fast paths (the default), or the straightforward NDArray versions to compare with. */
  private static MapKernels kernels(String name) {
    return switch (name) {
      case "fast" -> MapKernels.active();
      case "reference" -> MapKernels.reference();
      default -> throw new Args.UsageException("--kernels takes fast or reference; got '" + name + "'.");
    };
  }

  private static int measure(Args args, String[] argv, Device device, Path jsonOut, List<String> families, int[] batches, int gapReps,
      int resnetReps, int warmup, MapKernels kernels, List<String> methods) throws Exception {

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", "camlab bench " + String.join(" ", argv));
    json.put("machine", Machine.describe(device));
    json.put("weights", "random (timing does not depend on training)");
    json.put("kernels", kernels.toString());
    if (args.has("memory")) {
      int calls = positive("--memory", args.get("memory"));
      json.put("memory", memory(device, calls, methods));
    } else {
      json.put("reps", Map.of("gap-cnn", gapReps, "resnet18", resnetReps));
      json.put("warmup", warmup);
      json.put("resnet18Batch32", "ceil(reps / 3) reps, at most 1 warm-up round (one ResNet-18 forward pass on 32 images takes seconds on 2 cores)");
      if (!device.isGpu() && families.contains("resnet18")) {
        json.put("resnet18Batch32NotTimed", RESNET18_CPU_MINUTES_LONG + " (on a CPU: thousands of 224x224 network passes a call, minutes each)");
      }
      List<Row> rows = new ArrayList<>();
      Map<String, Object> training = null;
      if (families.contains("gap-cnn")) {
        rows.addAll(gapCnn(device, batches, gapReps, warmup, methods));
        try (Classifier gap = Architectures.gapCnn(64, names(10), device)) {
          training = TrainingBench.run(gap, 64, gapReps, warmup);
        }
      }
      if (families.contains("resnet18")) rows.addAll(resnet18(device, batches, resnetReps, warmup, methods));
      printTable(rows, device, gapReps == resnetReps ? String.valueOf(gapReps) : gapReps + " (GAP-CNN) / " + resnetReps + " (ResNet-18)");
      if (training != null) System.out.println("GAP-CNN training vs inference at batch 64: " + training);
      json.put("rows", rows.stream().map(BenchCommand::rowJson).toList());
      json.put("training", training);
    }
    json.put("loadAverageAtEnd", Machine.loadAverage());
    json.put("peakRssMb", Stats.round(MemoryProbe.peakResidentBytes() / 1e6, 1));
    System.out.printf("peak RSS %.0f MB; load average at the end %s%n", MemoryProbe.peakResidentBytes() / 1e6, Machine.loadAverage());
    if (jsonOut != null) {
      AtomicFile.writeString(jsonOut, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json));
      System.out.println("Wrote " + jsonOut.toAbsolutePath());
    }
    return 0;
  }

  private static List<Row> gapCnn(Device device, int[] batches, int reps, int warmup, List<String> methods) {
    List<Row> rows = new ArrayList<>();
    try (Classifier gap = Architectures.gapCnn(64, names(10), device);
        Classifier nin = Architectures.ninCnn(64, names(10), device);
        Classifier acol = Architectures.acol(64, names(10), 0.6f, device)) {
      for (int batch : batches) {
        List<Row> core = MethodBench.run("gap-cnn", gap, nin, acol, batch, reps, warmup);
        rows.addAll(core);
        List<String> modern = FamilyBench.chosen(methods);
        if (!modern.isEmpty()) rows.addAll(FamilyBench.run("gap-cnn", gap, nin, batch, reps, familyReps(reps, batch), warmup, modern));
        List<String> mine = PerturbationBench.chosen(methods);
        if (!mine.isEmpty()) rows.addAll(PerturbationBench.run("gap-cnn", gap, PerturbationBench.Settings.gapCnn(), batch, familyReps(reps, batch), warmup, mine));
      }
    }
    return rows;
  }

  /**
   * Repetitions of the modern family: a perturbation method costs tens to thousands of forward passes, so a third of the
   * core rows' (at least 3), and at batch 32 a tenth.
   */
  private static int familyReps(int reps, int batch) {
    return Math.max(batch >= 32 ? 1 : 3, batch >= 32 ? reps / 10 : reps / 3);
  }

  /**
   * ResNet-18 on the CPU at batch 32 or more: the methods whose call is thousands of passes of 224×224 images are left out
   * (Score-CAM sends B·512 masked images, Integrated Gradients and SmoothGrad B·32 and B·25 forward and backward passes:
   * minutes a call on 2 cores). Their batch-1 rows time the same passes, {@value camlab.explain.ScoreCam#PASS_IMAGES} images
   * a pass as here.
   */
  private static List<String> withoutMinutesLongCalls(List<String> methods, int batch) {
    List<String> skipped = methods.stream().filter(RESNET18_CPU_MINUTES_LONG::contains).toList();
    if (!skipped.isEmpty()) {
      System.out.println("resnet18, batch " + batch + ", cpu: not timing " + String.join(", ", skipped)
          + " (thousands of 224x224 network passes a call, minutes each on a CPU; the batch-1 rows time the same passes)");
    }
    return methods.stream().filter(m -> !RESNET18_CPU_MINUTES_LONG.contains(m)).toList();
  }

  /** See {@link #withoutMinutesLongCalls}. */
  static final List<String> RESNET18_CPU_MINUTES_LONG = List.of("scorecam", "integrated-gradients", "smoothgrad");

  private static List<Row> resnet18(Device device, int[] batches, int reps, int warmup, List<String> methods) {
    List<Row> rows = new ArrayList<>();
    Shape input = new Shape(3, 224, 224);
    try (Classifier res = Architectures.resnet18(input, names(1000), device);
        Classifier nin = Architectures.resnet18Nin(input, names(1000), device);
        Classifier acol = Architectures.resnet18Acol(input, names(1000), device)) {
      for (int batch : batches) {
        boolean big = batch >= 32;
        List<Row> core = MethodBench.run("resnet18", res, nin, acol, batch, big ? (reps + 2) / 3 : reps, big ? Math.min(1, warmup) : warmup);
        rows.addAll(core);
        List<String> modern = FamilyBench.chosen(methods);
        if (big && !device.isGpu()) modern = withoutMinutesLongCalls(modern, batch);
        if (!modern.isEmpty()) {
          rows.addAll(FamilyBench.run("resnet18", res, nin, batch, big ? (reps + 2) / 3 : reps, familyReps(reps, batch), big ? Math.min(1, warmup) : warmup,
              modern));
        }
        List<String> mine = PerturbationBench.chosen(methods);
        if (!mine.isEmpty()) {
          rows.addAll(PerturbationBench.run("resnet18", res, PerturbationBench.Settings.resnet18(), batch, familyReps(reps, batch), Math.min(1, warmup), mine));
        }
      }
    }
    return rows;
  }

  /** Calls of each family method in {@code --memory}'s loops, at most: a Score-CAM call alone is hundreds of forward passes. */
  static final int FAMILY_MEMORY_CALLS = 1000;
  /** The batch of the family methods' loops: two images, so that Score-CAM's masked images already take several passes. */
  static final int FAMILY_MEMORY_BATCH = 2;

  /**
   * CAM, Grad-CAM and Grad-CAM++ in turn on the GAP-CNN, batch 8, N calls after up to 200 warm-up calls; then each
   * method of the modern family ({@code --methods}) in a loop of its own, min(N, {@value #FAMILY_MEMORY_CALLS}) calls at
   * batch {@value #FAMILY_MEMORY_BATCH} each.
   */
  private static Map<String, Object> memory(Device device, int calls, List<String> methods) {
    try (Classifier gap = Architectures.gapCnn(64, names(10), device)) {
      int warmup = Math.min(200, Math.max(1, calls / 10));
      Map<String, Object> m = MemoryLoop.run(gap, List.of(new Cam(), new GradCam(), new GradCamPlusPlus()), 8, calls, warmup, 50);
      System.out.printf("memory: %d explain calls (%s, batch 8) after %d warm-up calls in %.0f s%n", calls, m.get("methods"), warmup,
          (Double) m.get("seconds"));
      long trimMs = (Long) m.get("nativeHeapTrimIntervalMs");
      System.out.println(trimMs > 0 ? "  the JVM hands freed native memory back every " + trimMs + " ms (-XX:TrimNativeHeapInterval)"
          : "  the JVM does not trim the native heap (-XX:TrimNativeHeapInterval is off, or this JDK is older than 17.0.9)");
      System.out.printf("  RSS first %.1f MB, last %.1f MB, min %.1f MB, max %.1f MB: drift %+.2f %% (target within 5 %%)%n",
          m.get("rssFirstMb"), m.get("rssLastMb"), m.get("rssMinMb"), m.get("rssMaxMb"), (Double) m.get("driftPercent"));
      System.out.printf("  second half (from call %s on): drift %+.2f %% (a leak keeps growing here; the allocator's warm-up does not)%n",
          m.get("secondHalfFromCall"), (Double) m.get("driftSecondHalfPercent"));
      if (m.containsKey("rssAfterMallocTrimMb")) {
        System.out.printf("  after malloc_trim(0) at the end: RSS %.1f MB, %+.2f %% of the first sample (the rest was free memory malloc kept)%n",
            m.get("rssAfterMallocTrimMb"), (Double) m.get("driftAfterMallocTrimPercent"));
      }
      System.out.printf("  arrays in the model's manager: %s before, %s after warm-up, %s at the end%n", m.get("modelArraysBefore"),
          m.get("modelArraysAfterWarmUp"), m.get("modelArraysAtEnd"));
      System.out.println("  curve " + m.get("curveColumns") + ": " + m.get("curve"));
      Map<String, Object> perMethod = new LinkedHashMap<>();
      for (String name : methods) { // each in a loop of its own: a sample then always follows the same method's call
        camlab.explain.Explainer method = PerturbationBench.METHODS.contains(name) ? PerturbationBench.memoryMethod(name)
            : camlab.explain.Explainers.byName(name);
        int familyCalls = Math.min(calls, FAMILY_MEMORY_CALLS);
        Map<String, Object> one = MemoryLoop.run(gap, List.of(method), FAMILY_MEMORY_BATCH, familyCalls, Math.min(200, Math.max(1, familyCalls / 10)), 50);
        perMethod.put(name, one);
        System.out.printf("  %s: %d calls in %.0f s, RSS %.1f → %.1f MB: drift %+.2f %% (second half %+.2f %%%s); arrays %s / %s / %s%n", name,
            familyCalls, (Double) one.get("seconds"), one.get("rssFirstMb"), one.get("rssLastMb"), (Double) one.get("driftPercent"),
            (Double) one.get("driftSecondHalfPercent"), one.containsKey("driftAfterMallocTrimPercent")
                ? String.format(", after malloc_trim %+.2f %%", (Double) one.get("driftAfterMallocTrimPercent")) : "",
            one.get("modelArraysBefore"), one.get("modelArraysAfterWarmUp"), one.get("modelArraysAtEnd"));
      }
      if (!perMethod.isEmpty()) m.put("perMethod", perMethod);
      return m;
    }
  }

  /** --device cpu|gpu|gpu:N; a GPU that is not there is bad input (exit 2) with what to do about it. */
  static Device device(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    if ((n.startsWith("gpu") || n.startsWith("cuda")) && Engine.getInstance().getGpuCount() == 0) {
      throw new IllegalArgumentException("--device " + name + ": no GPU found — DJL sees 0 CUDA devices with this build (the default"
          + " build bundles PyTorch's CPU library). To run on an NVIDIA GPU (driver installed), build with the CUDA profile, which"
          + " lets DJL fetch its CUDA build of PyTorch once: ./mvnw -Pcuda -DskipTests package && ./camlab bench --device gpu."
          + " Or use --device cpu.");
    }
    return Devices.parse(name);
  }

  private static void printTable(List<Row> rows, Device device, String reps) {
    System.out.print(RowTable.format("camlab bench (" + device + ", median of " + reps
        + " interleaved reps; ratio = median of per-rep method/forward)", rows));
  }

  private static Map<String, Object> rowJson(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", r.model());
    m.put("batch", r.batch());
    m.put("what", r.what());
    m.put("ms", Stats.round(r.ms(), 3));
    m.put("forwardMs", Stats.round(r.forwardMs(), 3));
    m.put("ratioToForward", Stats.round(r.ratio(), 4));
    m.put("imagesPerSecond", Stats.round(r.imagesPerSecond(), 2));
    m.put("target", r.target());
    m.put("meetsTarget", r.meetsTarget());
    return m;
  }

  private static int positive(String option, String value) {
    try {
      int v = Integer.parseInt(value.trim());
      if (v >= 1) return v;
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new Args.UsageException(option + " takes whole numbers ≥ 1; got '" + value + "'.");
  }

  private static List<String> list(String csv) {
    return java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> names(int n) {
    return IntStream.range(0, n).mapToObj(i -> "class " + i).toList();
  }
}
