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

import camlab.exercises.registry.Exercise;
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
  /** How long an unused compiler JVM is kept. */
  private static final Duration COMPILER_IDLE = Duration.ofMinutes(2);
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
    return settings.checks() == GradeSettings.Checks.SANDBOX_ONLY ? sandbox.description()
        : "the class-file policy and " + sandbox.description();
  }

  /**
   * Grades one student's {@code submissions}, verdicts in the same order: the cells are shared out over up to the
   * settings' parallelism of cell JVMs, each serving its share one cell after another.
   */
  public List<Verdict> gradeAll(List<Submission> submissions, Consumer<Verdict> onEach) {
    int jvms = Math.max(1, Math.min(settings.parallelism(), submissions.size()));
    List<List<Submission>> shares = new ArrayList<>();
    for (int i = 0; i < jvms; i++) shares.add(new ArrayList<>());
    for (int i = 0; i < submissions.size(); i++) shares.get(i % jvms).add(submissions.get(i));
    List<List<Verdict>> graded = gradeEach(shares, onEach);
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < submissions.size(); i++) verdicts.add(graded.get(i % jvms).get(i / jvms));
    return verdicts;
  }

  /**
   * Grades several students, each student's cells in cell JVMs of their own (so one student's cells can never meet
   * another's), up to the settings' parallelism of students at once; verdicts per student, in order.
   */
  public List<List<Verdict>> gradeEach(List<List<Submission>> students, Consumer<Verdict> onEach) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelism(), students.size())), r -> {
      Thread t = new Thread(r, "grading");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<Verdict>>> futures = new ArrayList<>();
      for (List<Submission> student : students) futures.add(pool.submit(() -> gradeInOneJvm(student, onEach)));
      List<List<Verdict>> verdicts = new ArrayList<>();
      for (Future<List<Verdict>> f : futures) verdicts.add(f.get());
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
    return gradeInOneJvm(List.of(submission), v -> { }).get(0);
  }

  /**
   * Grades {@code submissions} one after another in one cell JVM, started when the first cell needs it and started
   * afresh after a cell ended or stopped it, left threads running or left it holding much memory.
   */
  private List<Verdict> gradeInOneJvm(List<Submission> submissions, Consumer<Verdict> onEach) {
    List<Verdict> verdicts = new ArrayList<>();
    List<Exercise> exercises = submissions.stream().map(Submission::exercise).toList();
    CellJvm jvm = new CellJvm(exercises);
    try {
      for (Submission submission : submissions) {
        long start = System.nanoTime();
        Verdict v = gradeOne(submission, jvm).withElapsed(Duration.ofNanos(System.nanoTime() - start));
        synchronized (this) {
          onEach.accept(v);
        }
        verdicts.add(v);
      }
    } finally {
      jvm.close();
    }
    return verdicts;
  }

  private Verdict gradeOne(Submission submission, CellJvm jvm) {
    GraderPlan plan = GraderPlan.of(submission.exercise());
    boolean hiddenRun = settings.hiddenTests() && plan.hiddenRunnable();
    Verdict v = gradeOne(submission, jvm, plan, hiddenRun);
    return v.tests().isEmpty() ? v.atStake(plan, hiddenRun) : v;
  }

  private Verdict gradeOne(Submission submission, CellJvm jvm, GraderPlan plan, boolean hiddenRun) {
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
    jvm.ensureStarted(); // it loads DJL while the cell is compiled and checked
    RemoteCompiler.Compiled compiled = compile(exercise, found.cell().source());
    if (compiled instanceof RemoteCompiler.Compiled.Rejected r) return VerdictRules.fail(exercise, origin, r.message(), r.details());
    RemoteCompiler.Compiled.Classes classes = (RemoteCompiler.Compiled.Classes) compiled;
    Optional<CellPolicy.Violation> violation = settings.checks() == GradeSettings.Checks.SANDBOX_ONLY ? Optional.empty()
        : CellPolicy.check(exercise, exercise.cellClassName(), classes.classes(), classes::cellLine);
    if (violation.isPresent()) return VerdictRules.fail(exercise, origin, violation.get().message(), "");
    RemoteCell cell = jvm.cell();
    if (cell == null) return VerdictRules.fail(exercise, origin, "could not start a cell JVM: " + jvm.startProblem(), "");
    int key = taskCounter.incrementAndGet();
    List<TestOutcome> outcomes = new ArrayList<>();
    String stopped = null;
    try {
      Optional<Thrown> init = cell.load(key, exercise, classes);
      if (init.isPresent()) {
        jvm.unload(key);
        if (init.get().kind() == Thrown.Kind.NOT_SOLVED_YET) {
          return new Verdict(exercise, Status.TODO, VerdictRules.todoMessage(exercise), "", origin, Duration.ZERO);
        }
        return VerdictRules.fail(exercise, origin, "setting up the cell's fields: " + StudentFailure.describe(init.get()), "");
      }
      GraderRunner.run(plan.graders(hiddenRun), cell.asContract(key, exercise.contract().type()), new GraderRunner.Listener() {
        @Override public void started(String test) {
          cell.startTest(test);
        }

        @Override public void finished(String test, String item, Throwable failure) {
          outcomes.add(FailureText.outcome(test, item, failure));
        }
      });
      jvm.unload(key);
    } catch (CellStopped e) {
      stopped = e.getMessage();
    }
    if (stopped == null) stopped = cell.stopped().map(Throwable::getMessage).orElse(null);
    return VerdictRules.decide(exercise, origin, new VerdictRules.CellRun(outcomes, stopped, jvm.output(), jvm.outputBytes()), plan,
        hiddenRun);
  }

  /** One student's cell JVM, (re)started on demand. */
  private final class CellJvm {
    private final List<Exercise> exercises;
    private CellProcess process;
    private RemoteCell cell;
    private boolean fresh;
    private String startProblem = "";

    CellJvm(List<Exercise> exercises) {
      this.exercises = exercises;
    }

    void ensureStarted() {
      if (cell != null && !fresh && cell.stopped().isEmpty()) return;
      if (cell != null) close();
      try {
        process = CellProcess.start(settings, sandbox, classpath.entriesFor(exercises), readable, CellServer.class.getName(),
            workDir.resolve("cells-" + taskCounter.incrementAndGet()));
        process.clearDeadline();
        cell = new RemoteCell(process, settings);
      } catch (IOException e) {
        startProblem = e.getMessage();
        cell = null;
      }
      fresh = false;
    }

    RemoteCell cell() {
      return cell;
    }

    String startProblem() {
      return startProblem;
    }

    /** Forgets a cell; the next cell gets a new JVM if this one stopped, kept threads running or grew large. */
    void unload(int key) {
      boolean strayThreads = cell.unload(key);
      boolean large = process.residentMb() > settings.memoryMb() / 2;
      fresh = strayThreads || large;
    }

    String output() {
      return process == null ? "" : process.output();
    }

    long outputBytes() {
      return process == null ? 0 : process.outputBytes();
    }

    void close() {
      if (cell != null) cell.close();
      cell = null;
      process = null;
    }
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
        if (compiler.alive()) {
          idleCompilers.push(compiler);
          retireLater(compiler);
        } else {
          compilers.remove(compiler);
        }
      }
    }
  }

  /**
   * Closes {@code compiler} if it is still idle after {@link #COMPILER_IDLE}: a long-lived grading (a kernel's check())
   * keeps its compiler warm between checks close together without holding its memory for hours.
   */
  private void retireLater(RemoteCompiler compiler) {
    Thread retire = new Thread(() -> {
      try {
        Thread.sleep(COMPILER_IDLE.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (idleCompilers) {
        if (!idleCompilers.contains(compiler)) return; // in use again, or closed
        if (compiler.idleFor().compareTo(COMPILER_IDLE) < 0) return;
        idleCompilers.remove(compiler);
        compilers.remove(compiler);
      }
      compiler.close();
    }, "compiler-retire");
    retire.setDaemon(true);
    retire.start();
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
