package camlab.exercises.grading;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A running cell JVM under the grading limits: a wall-clock deadline, a heap size, a resident-memory limit for
 * its whole process tree (which covers native NDArray memory that {@code -Xmx} does not), an output limit, and
 * no processes of its own. A watchdog stops it as soon as a limit is crossed and remembers why; what it printed
 * is kept (the start) and counted (the rest).
 */
final class CellProcess implements AutoCloseable {
  private static final int KEEP_OUTPUT_BYTES = 16 * 1024;
  private static final long POLL_MILLIS = 100;

  /** Why the watchdog stopped the JVM. */
  enum Limit { TIMEOUT, MEMORY, OUTPUT, PROCESSES }

  /** A crossed limit, with what the student should be told about it. */
  record Stop(Limit limit, String detail) {}

  private final Process process;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final OutputCapture output;
  private final GradeSettings settings;
  private volatile long deadline;
  private volatile Stop stop;
  private volatile long peakRssMb;
  private volatile long lastRssMb;
  private List<ProcessHandle> seenBefore = List.of();
  private final Thread watchdog;

  private CellProcess(Process process, GradeSettings settings) {
    this.process = process;
    this.settings = settings;
    this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    this.output = new OutputCapture(process, settings.outputLimitKb() * 1024L, () -> stopFor(new Stop(Limit.OUTPUT, "")));
    this.deadline = System.nanoTime() + settings.timeout().toNanos();
    output.start();
    this.watchdog = new Thread(this::watch, "grading-watchdog-" + process.pid());
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * Starts {@code mainClass} in a cell JVM in {@code sandbox} with {@code classpath}; in a sandbox it sees its class path
   * and {@code readable} read-only, outside one it works in {@code workDir}.
   */
  static CellProcess start(GradeSettings settings, Sandbox sandbox, List<Path> classpath, Set<Path> readable, String mainClass,
      Path workDir) throws IOException {
    List<String> java = new ArrayList<>();
    java.add(settings.javaExecutable().toString());
    java.addAll(settings.jvmFlags());
    // SerialGC and C1 only: cell JVMs are small and short-lived, so start-up and footprint matter, not peak speed.
    java.addAll(List.of("-Xmx" + settings.heapMb() + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
        "-XX:+DisplayVMOutputToStderr", "-Djava.io.tmpdir=/tmp", "-cp", CellClasspath.asString(classpath), mainClass));
    List<String> environment = List.of("PATH=/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8", "OMP_WAIT_POLICY=PASSIVE");
    Files.createDirectories(workDir);
    Set<Path> visible = new LinkedHashSet<>(classpath);
    visible.addAll(readable);
    ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(java, settings.javaHome(), visible, environment)).directory(workDir.toFile());
    builder.environment().clear();
    for (String variable : environment) {
      int eq = variable.indexOf('=');
      builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    return new CellProcess(builder.start(), settings);
  }

  /** From now on the JVM may run for {@code limit} more; a long-lived JVM sets one for each request. */
  void setDeadline(Duration limit) {
    deadline = System.nanoTime() + limit.toNanos();
  }

  /** No deadline until the next {@link #setDeadline}: an idle server waits as long as it is needed. */
  void clearDeadline() {
    deadline = Long.MAX_VALUE;
  }

  DataInputStream in() {
    return in;
  }

  DataOutputStream out() {
    return out;
  }

  /** The limit the watchdog stopped the JVM for, if any. */
  Optional<Stop> stop() {
    return Optional.ofNullable(stop);
  }

  /** The exit code, waiting up to {@code millis} for the JVM to end; -1 if it is still running. */
  int exitCode(long millis) {
    try {
      if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    return process.exitValue();
  }

  /** A new cell begins: its output is kept and limited on its own. */
  void startCell() {
    output.reset();
  }

  /** The resident memory of the whole process tree at the last poll, in MB. */
  long residentMb() {
    return lastRssMb;
  }

  /** The start of what the cell printed (and the JVM logged), and how many bytes in all. */
  String output() {
    return output.text();
  }

  long outputBytes() {
    return output.total();
  }

  long peakRssMb() {
    return peakRssMb;
  }

  private void watch() {
    while (process.isAlive()) {
      List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
      long rss = residentMb(process.pid());
      for (ProcessHandle p : tree) rss += residentMb(p.pid());
      peakRssMb = Math.max(peakRssMb, rss);
      lastRssMb = rss;
      List<ProcessHandle> started = startedByTheCell(tree);
      Optional<ProcessHandle> lasting = started.stream().filter(seenBefore::contains).findFirst();
      seenBefore = started;
      if (lasting.isPresent()) {
        ProcessHandle p = lasting.get();
        stopFor(new Stop(Limit.PROCESSES, p.info().commandLine().or(() -> p.info().command()).orElse("pid " + p.pid())));
      } else if (rss > settings.memoryMb()) {
        stopFor(new Stop(Limit.MEMORY, rss + " MB"));
      } else if (System.nanoTime() - deadline > 0 && deadline != Long.MAX_VALUE) {
        stopFor(new Stop(Limit.TIMEOUT, ""));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Processes below the cell JVM in {@code tree} that the cell started. One counts once it has been seen at two polls
   * in a row, so that a process is judged by what it runs, not by the fork it was a moment before.
   */
  private List<ProcessHandle> startedByTheCell(List<ProcessHandle> tree) {
    ProcessHandle jvm = null;
    if (isJava(process.toHandle())) {
      jvm = process.toHandle();
    } else {
      for (ProcessHandle p : tree) {
        if (isJava(p)) {
          jvm = p;
          break;
        }
      }
    }
    if (jvm == null) return List.of();
    return jvm.descendants().filter(p -> p.isAlive() && p.info().command().map(this::startedByCell).orElse(false))
        .collect(Collectors.toList());
  }

  /**
   * False for what the JVM itself runs: a fork on its way to exec still shows the JVM's own command, then the JVM's
   * spawn helper, and DJL looks its libraries up with {@code ldconfig -p}.
   */
  private boolean startedByCell(String command) {
    return !command.equals(settings.javaExecutable().toString()) && !command.endsWith("/jspawnhelper") && !command.endsWith("/ldconfig");
  }

  private boolean isJava(ProcessHandle p) {
    return p.info().command().map(c -> c.equals(settings.javaExecutable().toString()) || c.endsWith("/java")).orElse(false);
  }

  private synchronized void stopFor(Stop reason) {
    if (stop == null) stop = reason;
    kill();
  }

  /** Kills the JVM and everything it started; the process tree is snapshot first, so nothing is orphaned on the way. */
  void kill() {
    List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
    process.destroyForcibly();
    for (ProcessHandle p : tree) p.destroyForcibly();
  }

  @Override
  public void close() {
    kill();
    exitCode(5000);
    watchdog.interrupt();
    output.awaitEnd(5000);
  }

  /** VmRSS in MB, or 0 where /proc is not available (macOS, Windows: then only the heap limit applies). */
  private static long residentMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Drains the JVM's standard error (the cell's output) so it never blocks on a full pipe; keeps the start, counts the rest. */
  private static final class OutputCapture extends Thread {
    private final Process process;
    private final long limit;
    private final Runnable onExceeded;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile long total;

    OutputCapture(Process process, long limit, Runnable onExceeded) {
      super("grading-output-" + process.pid());
      setDaemon(true);
      this.process = process;
      this.limit = limit;
      this.onExceeded = onExceeded;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (InputStream err = process.getErrorStream()) {
        int n;
        while ((n = err.read(buffer)) > 0) {
          synchronized (kept) {
            int room = KEEP_OUTPUT_BYTES - kept.size();
            if (room > 0) kept.write(buffer, 0, Math.min(room, n));
          }
          boolean crossed;
          synchronized (kept) {
            crossed = total <= limit && total + n > limit;
            total += n;
          }
          if (crossed) onExceeded.run();
        }
      } catch (IOException e) {
        // the process was killed: what was read so far is all there is
      }
    }

    long total() {
      return total;
    }

    /** Starts counting and keeping afresh. */
    void reset() {
      synchronized (kept) {
        kept.reset();
        total = 0;
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }

    void awaitEnd(long millis) {
      try {
        join(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
