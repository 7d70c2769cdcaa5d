import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.model.Architectures;
import camlab.model.Classifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Forward passes of the bench's networks on the CPU, one at a time, each with its wall time, the process's user and
 * system CPU time and its minor page faults (from /proc/self/stat), and their medians after the first pass: what the
 * time of a pass is made of. Run by tools/forward_probe.sh, with ./camlab's JVM flags and environment; the Python
 * side is tools/forward_probe.py.
 */
public class ForwardProbe {
  /** Minor faults, user and system time in clock ticks (1/100 s on Linux). */
  static long[] counters() throws Exception {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(f[7]), Long.parseLong(f[11]), Long.parseLong(f[12])};
  }

  public static void main(String[] args) throws Exception {
    String model = args[0];
    int batch = Integer.parseInt(args[1]);
    int passes = Integer.parseInt(args[2]);
    boolean resnet = model.equals("resnet18");
    List<String> names = IntStream.range(0, resnet ? 1000 : 10).mapToObj(i -> "class " + i).toList();
    double[][] samples = new double[passes][];
    try (Classifier net = resnet ? Architectures.resnet18(new Shape(3, 224, 224), names, Device.cpu())
            : Architectures.gapCnn(64, names, Device.cpu());
        NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = manager.randomUniform(0, 1, new Shape(batch).addAll(net.inputShape()));
      System.out.printf("%s batch %d, intra-op threads %d, GLIBC_TUNABLES=%s%n", model, batch, ai.djl.pytorch.jni.JniUtils.getNumThreads(),
          System.getenv("GLIBC_TUNABLES"));
      for (int p = 0; p < passes; p++) {
        long[] before = counters();
        long t0 = System.nanoTime();
        try (NDManager scope = manager.newSubManager()) { // as the bench does: the pass's arrays are freed at its end
          x.tempAttach(scope);
          net.logits(x).getFloat(0, 0);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        long[] after = counters();
        samples[p] = new double[] {ms, (after[1] - before[1]) * 10, (after[2] - before[2]) * 10, after[0] - before[0]};
        System.out.printf("pass %d: wall %.1f ms, user %.0f ms, sys %.0f ms, minor faults %.0f%n", p, samples[p][0], samples[p][1],
            samples[p][2], samples[p][3]);
      }
    }
    double[] median = new double[4];
    for (int k = 0; k < 4; k++) {
      int column = k;
      double[] values = Arrays.stream(samples, Math.min(1, passes - 1), passes).mapToDouble(s -> s[column]).sorted().toArray();
      median[k] = values[values.length / 2];
    }
    System.out.printf("median after the first pass: wall %.1f ms, user %.0f ms, sys %.0f ms, minor faults %.0f%n", median[0], median[1],
        median[2], median[3]);
  }
}
