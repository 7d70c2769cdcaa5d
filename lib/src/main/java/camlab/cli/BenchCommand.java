package camlab.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import camlab.explain.AcolMaps;
import camlab.explain.ActivationMaps;
import camlab.explain.Cam;
import camlab.explain.Conv1x1Maps;
import camlab.explain.Explainer;
import camlab.explain.GradCam;
import camlab.explain.GradCamPlusPlus;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.util.Devices;
import camlab.util.MemoryProbe;
import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code camlab bench}: what each method costs next to the forward pass it cannot avoid. For the
 * GAP-CNN on 1×64×64 and ResNet-18 on 3×224×224, batch 1 and 32: the median time of the forward pass
 * and of every method (timed round-robin, so drift on a shared machine hits all of them alike), each
 * method's ratio to its own model's forward pass, images/s, the cost of upsampling + normalising the
 * maps, the GAP-CNN's training throughput next to its inference throughput at batch 64, the resident
 * memory over a long loop of explain calls, and the peak RSS. Weights are random: time does not depend
 * on training.
 */
final class BenchCommand implements Main.Command {
  @Override
  public String summary() {
    return "time the methods against the forward pass, training throughput and memory (--json FILE, --device, --quick)";
  }

  /** One timed row. */
  record Row(String model, int batch, String what, double medianMs, double ratioToForward, double imagesPerSecond) {}

  @Override
  public int run(String[] argv) throws Exception {
    Args args = new Args("bench", argv, Set.of("json", "device", "repeats", "memory-calls"), Set.of("quick"));
    boolean quick = args.has("quick");
    int repeats = args.getInt("repeats", quick ? 7 : 25);
    int memoryCalls = args.getInt("memory-calls", quick ? 2000 : 10_000);
    Device device = Devices.parse(args.get("device"));
    Engine.getInstance().setRandomSeed(1);

    List<Row> rows = new ArrayList<>();
    List<String> tenClasses = names(10);
    List<String> thousandClasses = names(1000);
    Shape small = new Shape(1, 64, 64);
    Shape large = new Shape(3, 224, 224);
    try (Classifier gap = Architectures.gapCnn(64, tenClasses, device);
        Classifier nin = Architectures.ninCnn(64, tenClasses, device);
        Classifier acol = Architectures.acol(64, tenClasses, 0.6f, device)) {
      for (int batch : new int[] {1, 32}) rows.addAll(methods("gap-cnn", gap, nin, acol, small, batch, repeats, device));
    }
    try (Classifier res = Architectures.resnet18(large, thousandClasses, device);
        Classifier resNin = Architectures.resnet18Nin(large, thousandClasses, device);
        Classifier resAcol = Architectures.resnet18Acol(large, thousandClasses, device)) {
      for (int batch : new int[] {1, 32}) {
        int r = batch == 32 ? Math.max(5, repeats / 3) : repeats;
        rows.addAll(methods("resnet18", res, resNin, resAcol, large, batch, r, device));
      }
    }
    Map<String, Object> training;
    try (Classifier gap = Architectures.gapCnn(64, tenClasses, device)) {
      training = trainingThroughput(gap, device, repeats);
    }
    Map<String, Object> memory;
    try (Classifier gap = Architectures.gapCnn(64, tenClasses, device)) {
      memory = memoryLoop(gap, device, memoryCalls);
    }

    Table table = Table.create("camlab bench (" + device + ", median of " + repeats + " after warm-up)",
        StringColumn.create("model", rows.stream().map(Row::model)),
        IntColumn.create("batch", rows.stream().mapToInt(Row::batch).toArray()),
        StringColumn.create("what", rows.stream().map(Row::what)),
        DoubleColumn.create("ms", rows.stream().mapToDouble(r -> round(r.medianMs(), 3))),
        DoubleColumn.create("× forward", rows.stream().mapToDouble(r -> round(r.ratioToForward(), 3))),
        DoubleColumn.create("images/s", rows.stream().mapToDouble(r -> round(r.imagesPerSecond(), 1))));
    System.out.println(table.printAll());
    System.out.println("training: " + training);
    System.out.println("memory: " + memory);
    long peak = MemoryProbe.peakResidentBytes();
    System.out.printf("peak RSS %.0f MB%n", peak / 1e6);

    if (args.has("json")) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("machine", machine(device));
      json.put("repeats", repeats);
      json.put("rows", rows);
      json.put("training", training);
      json.put("memory", memory);
      json.put("peakRssMb", peak / 1e6);
      Path out = Path.of(args.get("json"));
      if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json));
      System.out.println("Wrote " + out.toAbsolutePath());
    }
    return 0;
  }

  /** Forward and every method for one model family and batch size, timed round-robin. */
  private static List<Row> methods(String family, Classifier base, Classifier nin, Classifier acol, Shape input, int batch,
      int repeats, Device device) {
    Map<String, Supplier<Object>> timed = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager(device)) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(input));
      timed.put("forward", () -> scoped(x, () -> base.logits(x).toFloatArray()));
      timed.put("cam", () -> scoped(x, () -> sync(new Cam().explain(base, x))));
      timed.put("gradcam", () -> scoped(x, () -> sync(new GradCam().explain(base, x))));
      timed.put("gradcam++", () -> scoped(x, () -> sync(new GradCamPlusPlus().explain(base, x))));
      timed.put("forward (nin head)", () -> scoped(x, () -> nin.logits(x).toFloatArray()));
      timed.put("conv1x1", () -> scoped(x, () -> sync(new Conv1x1Maps().explain(nin, x))));
      timed.put("forward (acol head)", () -> scoped(x, () -> acol.logits(x).toFloatArray()));
      timed.put("acol", () -> scoped(x, () -> sync(new AcolMaps().explain(acol, x))));
      try (NDManager mapsScope = manager.newSubManager()) {
        NDArray images = x.duplicate();
        images.attach(mapsScope);
        ActivationMaps raw = new Cam().explain(base, images);
        int h = (int) input.get(1);
        int w = (int) input.get(2);
        timed.put("upsample+normalize", () -> scoped(raw.maps(), () -> sync(raw.upsample(h, w).normalize(ActivationMaps.Normalization.MIN_MAX))));
        Map<String, double[]> samples = roundRobin(timed, repeats);
        List<Row> rows = new ArrayList<>();
        double forward = median(samples.get("forward"));
        double ninForward = median(samples.get("forward (nin head)"));
        double acolForward = median(samples.get("forward (acol head)"));
        for (var e : samples.entrySet()) {
          double ms = median(e.getValue());
          double reference = switch (e.getKey()) {
            case "conv1x1", "forward (nin head)" -> ninForward;
            case "acol", "forward (acol head)" -> acolForward;
            default -> forward;
          };
          rows.add(new Row(family, batch, e.getKey(), ms, ms / reference, batch * 1000.0 / ms));
        }
        return rows;
      }
    }
  }

  /** Runs {@code body} with its temporaries in a sub-manager of {@code anchor}'s, closed right after. */
  private static Object scoped(NDArray anchor, Supplier<Object> body) {
    try (NDManager scope = anchor.getManager().newSubManager()) {
      anchor.tempAttach(scope);
      return body.get();
    }
  }

  /** Reads one number of the maps: on a GPU this waits until they are computed, on the CPU it is free. */
  private static Object sync(ActivationMaps maps) {
    return maps.maps().get(0).get(0).getFloat(0);
  }

  /** Warm-up, then {@code repeats} rounds timing every entry once per round, in order. */
  private static Map<String, double[]> roundRobin(Map<String, Supplier<Object>> timed, int repeats) {
    Map<String, double[]> samples = new LinkedHashMap<>();
    timed.keySet().forEach(k -> samples.put(k, new double[repeats]));
    for (int w = 0; w < 3; w++) timed.values().forEach(Supplier::get);
    for (int r = 0; r < repeats; r++) {
      for (var e : timed.entrySet()) {
        long t0 = System.nanoTime();
        e.getValue().get();
        samples.get(e.getKey())[r] = (System.nanoTime() - t0) / 1e6;
      }
    }
    return samples;
  }

  /** Training steps (forward, backward, Adam) vs inference on the same batch of 64, both on a fixed batch. */
  private static Map<String, Object> trainingThroughput(Classifier model, Device device, int repeats) {
    int batch = 64;
    Map<String, Object> out = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager(device);
        Trainer trainer = model.model().newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(Optimizer.adam().build()).optDevices(new Device[] {device}))) {
      trainer.initialize(new Shape(batch).addAll(model.inputShape()));
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(model.inputShape()));
      NDArray y = manager.randomInteger(0, 10, new Shape(batch), DataType.INT64);
      Map<String, Supplier<Object>> timed = new LinkedHashMap<>();
      timed.put("inference", () -> scoped(x, () -> model.logits(x).toFloatArray()));
      timed.put("training step", () -> {
        try (NDManager step = trainer.getManager().newSubManager()) {
          NDArray xs = x.duplicate();
          xs.attach(step);
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(xs)).singletonOrThrow();
            collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
          }
          trainer.step();
          return null;
        }
      });
      Map<String, double[]> samples = roundRobin(timed, repeats);
      double inference = batch * 1000.0 / median(samples.get("inference"));
      double training = batch * 1000.0 / median(samples.get("training step"));
      out.put("batch", batch);
      out.put("inferenceImagesPerSecond", round(inference, 1));
      out.put("trainingImagesPerSecond", round(training, 1));
      out.put("trainingToInference", round(training / inference, 3));
    }
    return out;
  }

  /** Many explain calls (CAM and Grad-CAM alternately, batch 8), each in its own scope; RSS sampled along the way. */
  private static Map<String, Object> memoryLoop(Classifier model, Device device, int calls) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<long[]> curve = new ArrayList<>();
    Explainer[] methods = {new Cam(), new GradCam()};
    int every = Math.max(1, calls / 20);
    try (NDManager manager = NDManager.newBaseManager(device)) {
      NDArray x = manager.randomUniform(0, 1, new Shape(8).addAll(model.inputShape()));
      int modelArraysAfterWarmUp = -1;
      for (int i = 1; i <= calls; i++) {
        try (NDManager call = manager.newSubManager()) {
          NDArray images = x.duplicate();
          images.attach(call);
          methods[i % 2].explain(model, images).upsample(64, 64).normalize(ActivationMaps.Normalization.MIN_MAX);
        }
        if (i == every) modelArraysAfterWarmUp = model.model().getNDManager().getManagedArrays().size();
        if (i % every == 0) curve.add(new long[] {i, MemoryProbe.residentBytes() / 1_000_000});
      }
      long[] afterWarmUp = curve.stream().skip(Math.min(2, curve.size() - 1)).mapToLong(p -> p[1]).toArray();
      long lo = Arrays.stream(afterWarmUp).min().orElse(0);
      long hi = Arrays.stream(afterWarmUp).max().orElse(0);
      out.put("calls", calls);
      out.put("rssMbCurve", curve.stream().map(p -> List.of(p[0], p[1])).toList());
      out.put("rssSpreadAfterWarmUpPercent", lo > 0 ? round(100.0 * (hi - lo) / lo, 2) : -1);
      out.put("modelArraysAfterWarmUp", modelArraysAfterWarmUp);
      out.put("modelArraysAtEnd", model.model().getNDManager().getManagedArrays().size());
    }
    return out;
  }

  private static Map<String, Object> machine(Device device) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
    m.put("device", device.toString());
    try {
      Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
          .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
    } catch (java.io.IOException e) {
      m.put("cpu", "unknown");
    }
    return m;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private static List<String> names(int n) {
    return IntStream.range(0, n).mapToObj(i -> "class " + i).toList();
  }
}
