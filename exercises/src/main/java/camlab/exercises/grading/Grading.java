package camlab.exercises.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ai.djl.engine.Engine;

import camlab.exercises.Exercise;
import camlab.exercises.sandbox.CellServer;
import camlab.exercises.sandbox.Thrown;
import camlab.exercises.source.Submission;

/**
 * Grades submissions. Each cell is compiled by a compiler JVM (warm, shared by the cells of a run, and replaced when
 * a cell breaks it), its class files are checked here against the {@link CellPolicy}, and only then is it loaded into
 * a fresh cell JVM of its own, in the {@link Sandbox}, and its method called — by the grader, which runs here, in
 * this JVM. The verdict is made here from the grader's own assertions; a
 * cell JVM can only return values, never a result of a test. Nothing one cell does can reach another's row.
 */
public final class Grading implements AutoCloseable {
  private final GradeSettings settings;
  private final Sandbox sandbox;
  private final Path workDir;
  private final CellClasspath classpath;
  private final Set<Path> readable;
  private final AtomicInteger taskCounter = new AtomicInteger();
  private final Deque<RemoteCompiler> idleCompilers = new ArrayDeque<>();
  private final List<RemoteCompiler> compilers = new ArrayList<>();

  public Grading(GradeSettings settings) {
    this.settings = settings;
    this.sandbox = Sandbox.of(settings.sandbox(), settings.tmpMb());
    try {
      this.workDir = Files.createTempDirectory("camlab-grading");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.classpath = CellClasspath.assemble(settings.classpath(), workDir.resolve("runtime"));
    Engine.getInstance(); // unpacks DJL's native library into its cache before any cell JVM needs it there, read-only
    this.readable = readableByCells(settings);
  }

  /** What protects the machine from a cell here, in one line. */
  public String sandboxDescription() {
    return sandbox.description();
  }

  /** Grades all {@code submissions} (in parallel up to the settings' limit); verdicts in the same order. */
  public List<Verdict> gradeAll(List<Submission> submissions, Consumer<Verdict> onEach) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallelism()), r -> {
      Thread t = new Thread(r, "grading");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Verdict>> futures = new ArrayList<>();
      for (Submission s : submissions) {
        futures.add(pool.submit(() -> {
          Verdict v = grade(s);
          synchronized (this) {
            onEach.accept(v);
          }
          return v;
        }));
      }
      List<Verdict> verdicts = new ArrayList<>();
      for (Future<Verdict> f : futures) verdicts.add(f.get());
      return verdicts;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("grading was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Grades one submission. */
  public Verdict grade(Submission submission) {
    long start = System.nanoTime();
    Verdict v = gradeUntimed(submission);
    return v.withElapsed(Duration.ofNanos(System.nanoTime() - start));
  }

  private Verdict gradeUntimed(Submission submission) {
    Exercise exercise = submission.exercise();
    if (submission instanceof Submission.NotStarted n) {
      return new Verdict(exercise, Status.TODO, n.reason(), "", "", Duration.ZERO);
    }
    if (submission instanceof Submission.Unreadable u) {
      return VerdictRules.fail(exercise, "", u.reason(), "");
    }
    Submission.Found found = (Submission.Found) submission;
    String origin = found.cell().origin();
    if (settings.checks() == GradeSettings.Checks.ALL && UntouchedStub.is(exercise, found.cell().source())) {
      return new Verdict(exercise, Status.TODO, VerdictRules.todoMessage(exercise), "", origin, Duration.ZERO);
    }
    Path taskDir = workDir.resolve(taskCounter.incrementAndGet() + "-" + exercise.cellClassName());
    CellProcess process; // started first: it loads DJL while the cell is compiled and checked
    try {
      process = CellProcess.start(settings, sandbox, classpath.entriesFor(exercise), readable, CellServer.class.getName(), taskDir);
    } catch (IOException e) {
      return VerdictRules.fail(exercise, origin, "could not start a cell JVM: " + e.getMessage(), "");
    }
    List<TestOutcome> outcomes = new ArrayList<>();
    String stopped = null;
    try (RemoteCell cell = new RemoteCell(process, exercise, settings)) {
      try {
        Optional<Verdict> early = prepare(cell, exercise, found.cell().source(), origin);
        if (early.isPresent()) return early.get();
        GraderRunner.run(exercise.grader(), cell.asContract(exercise.contract().type()), new GraderRunner.Listener() {
          @Override public void started(String test) {
            cell.startTest(test);
          }

          @Override public void finished(String test, Throwable failure) {
            outcomes.add(FailureText.outcome(test, failure));
          }
        });
      } catch (CellStopped e) {
        stopped = e.getMessage();
      }
      if (stopped == null) stopped = cell.stopped().map(Throwable::getMessage).orElse(null);
    }
    return VerdictRules.decide(exercise, origin, new VerdictRules.CellRun(outcomes, stopped, process.output(), process.outputBytes()));
  }

  /** Compiles, checks and loads the cell; a verdict if that already decides it. */
  private Optional<Verdict> prepare(RemoteCell cell, Exercise exercise, String source, String origin) {
    RemoteCompiler.Compiled compiled = compile(exercise, source);
    if (compiled instanceof RemoteCompiler.Compiled.Rejected r) {
      return Optional.of(VerdictRules.fail(exercise, origin, r.message(), r.details()));
    }
    RemoteCompiler.Compiled.Classes classes = (RemoteCompiler.Compiled.Classes) compiled;
    Optional<CellPolicy.Violation> violation = settings.checks() == GradeSettings.Checks.SANDBOX_ONLY ? Optional.empty()
        : CellPolicy.check(exercise, exercise.cellClassName(), classes.classes(), classes::cellLine);
    if (violation.isPresent()) return Optional.of(VerdictRules.fail(exercise, origin, violation.get().message(), ""));
    Optional<Thrown> init = cell.load(classes);
    if (init.isEmpty()) return Optional.empty();
    if (init.get().kind() == Thrown.Kind.NOT_SOLVED_YET) {
      return Optional.of(new Verdict(exercise, Status.TODO, VerdictRules.todoMessage(exercise), "", origin, Duration.ZERO));
    }
    return Optional.of(VerdictRules.fail(exercise, origin, "setting up the cell's fields: " + StudentFailure.describe(init.get()), ""));
  }

  /** Compiles with an idle compiler JVM, or a new one; a compiler a cell broke is not used again. */
  private RemoteCompiler.Compiled compile(Exercise exercise, String source) {
    RemoteCompiler compiler;
    synchronized (idleCompilers) {
      compiler = idleCompilers.poll();
    }
    if (compiler == null) {
      try {
        compiler = RemoteCompiler.start(settings, sandbox, classpath.entries(), readable,
            workDir.resolve("compiler-" + taskCounter.incrementAndGet()));
      } catch (IOException e) {
        return new RemoteCompiler.Compiled.Rejected("could not start a compiler JVM: " + e.getMessage(), "");
      }
      synchronized (idleCompilers) {
        compilers.add(compiler);
      }
    }
    try {
      return compiler.compile(exercise, source);
    } finally {
      synchronized (idleCompilers) {
        if (compiler.alive()) idleCompilers.push(compiler);
      }
    }
  }

  /** Besides its class path, a cell JVM reads DJL's native library cache and the CPU's description. */
  private static Set<Path> readableByCells(GradeSettings settings) {
    Set<Path> paths = new LinkedHashSet<>();
    for (String flag : settings.jvmFlags()) {
      if (flag.startsWith("-DDJL_CACHE_DIR=")) paths.add(Path.of(flag.substring("-DDJL_CACHE_DIR=".length())).toAbsolutePath());
    }
    String env = System.getenv("DJL_CACHE_DIR");
    if (env != null && !env.isBlank()) paths.add(Path.of(env).toAbsolutePath());
    if (paths.isEmpty()) paths.add(Path.of(System.getProperty("user.home"), ".djl.ai"));
    paths.add(Path.of("/sys/devices/system/cpu"));
    return paths;
  }

  @Override
  public void close() {
    synchronized (idleCompilers) {
      compilers.forEach(RemoteCompiler::close);
      compilers.clear();
      idleCompilers.clear();
    }
    try (Stream<Path> paths = Files.walk(workDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
