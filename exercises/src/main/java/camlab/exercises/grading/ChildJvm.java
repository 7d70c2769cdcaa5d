package camlab.exercises.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java main class in a fresh JVM under the grading limits: wall-clock timeout, heap size,
 * resident memory (Linux, via {@code /proc}; covers native NDArray memory that {@code -Xmx} does not),
 * and amount of output. The JVM is killed as soon as a limit is crossed.
 */
final class ChildJvm {
  /** Output kept for messages; the rest is counted, not stored. */
  private static final int KEEP_OUTPUT_BYTES = 16 * 1024;
  private static final long POLL_MILLIS = 100;

  /** How the JVM ended. {@code output} is its stdout+stderr, truncated to {@link #KEEP_OUTPUT_BYTES}. */
  record Result(int exitCode, boolean timedOut, boolean outputExceeded, boolean memoryExceeded, String output,
      long outputBytes, long peakRssMb) {}

  private ChildJvm() {}

  static Result run(GradeSettings settings, String classpath, String mainClass, List<String> args, Path workDir)
      throws IOException, InterruptedException {
    List<String> jvmArgs = new ArrayList<>(settings.jvmFlags());
    // SerialGC and C1 only: grading JVMs are small and short-lived, so startup and footprint matter, not peak speed.
    jvmArgs.addAll(List.of("-Xmx" + settings.heapMb() + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-XX:-UsePerfData", "-cp", classpath, mainClass));
    jvmArgs.addAll(args);
    Path argFile = workDir.resolve("jvm.args");
    Files.write(argFile, jvmArgs.stream().map(ChildJvm::quote).toList(), StandardCharsets.UTF_8);

    Process process = new ProcessBuilder(settings.javaExecutable().toString(), "@" + argFile)
        .redirectErrorStream(true)
        .directory(workDir.toFile())
        .start();
    process.getOutputStream().close(); // a cell reading System.in sees end-of-input instead of waiting forever
    long outputLimit = settings.outputLimitKb() * 1024L;
    OutputCapture capture = new OutputCapture(process, outputLimit);
    capture.start();

    long deadline = System.nanoTime() + settings.timeout().toNanos();
    boolean timedOut = false;
    boolean memoryExceeded = false;
    long peakRss = 0;
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      long rss = residentMb(status);
      peakRss = Math.max(peakRss, rss);
      if (rss > settings.memoryMb()) {
        memoryExceeded = true;
        break;
      }
      if (System.nanoTime() > deadline) {
        timedOut = true;
        break;
      }
      if (capture.exceeded()) break;
    }
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor();
    }
    capture.join(TimeUnit.SECONDS.toMillis(5));
    return new Result(process.exitValue(), timedOut, capture.exceeded(), memoryExceeded, capture.text(), capture.total(),
        peakRss);
  }

  /** VmRSS in MB, or 0 where /proc is not available (macOS, Windows: then only the heap limit applies). */
  private static long residentMb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** One argument per line, quoted for a {@code java @argfile}. */
  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Drains the JVM's output so it never blocks on a full pipe; keeps the start, counts the rest, stops it past the limit. */
  private static final class OutputCapture extends Thread {
    private final Process process;
    private final long limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile long total;
    private volatile boolean exceeded;

    OutputCapture(Process process, long limit) {
      super("grading-output-" + process.pid());
      setDaemon(true);
      this.process = process;
      this.limit = limit;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (InputStream in = process.getInputStream()) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          synchronized (kept) {
            int room = KEEP_OUTPUT_BYTES - kept.size();
            if (room > 0) kept.write(buffer, 0, Math.min(room, n));
          }
          total += n;
          if (total > limit && !exceeded) {
            exceeded = true;
            process.destroyForcibly();
          }
        }
      } catch (IOException e) {
        // the process was killed: what was read so far is all there is
      }
    }

    boolean exceeded() {
      return exceeded;
    }

    long total() {
      return total;
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
