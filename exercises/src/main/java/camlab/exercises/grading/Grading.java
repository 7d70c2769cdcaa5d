package camlab.exercises.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import camlab.exercises.Exercise;
import camlab.exercises.source.Submission;

/**
 * Grades submissions: compiles each cell here (javac runs no student code), then runs its grader in a
 * fresh JVM of its own, a few at a time, so nothing one cell does can affect another exercise's row.
 */
public final class Grading implements AutoCloseable {
  private final GradeSettings settings;
  private final CellCompiler compiler;
  private final Path workDir;
  private final AtomicInteger taskCounter = new AtomicInteger();

  public Grading(GradeSettings settings) {
    this.settings = settings;
    this.compiler = new CellCompiler(settings.classpath());
    try {
      this.workDir = Files.createTempDirectory("camlab-grading");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    Path taskDir = workDir.resolve(taskCounter.incrementAndGet() + "-" + exercise.cellClassName());
    CompileOutcome compiled = compiler.compile(exercise, found.cell().source(), taskDir.resolve("classes"));
    if (compiled instanceof CompileOutcome.Rejected r) return VerdictRules.fail(exercise, origin, r.message(), r.details());
    CompileOutcome.Compiled ok = (CompileOutcome.Compiled) compiled;
    try {
      Path events = taskDir.resolve("events.jsonl");
      String classpath = settings.classpath() + java.io.File.pathSeparator + ok.classesDir();
      ChildJvm.Result jvm = ChildJvm.run(settings, classpath, GradeChild.class.getName(), List.of(
          exercise.contract().type().getName(), exercise.grader().getName(), ok.cell().className(),
          Integer.toString(ok.cell().headerLines()), events.toString()), taskDir);
      return VerdictRules.decide(exercise, origin, settings, jvm, ChildEvents.Log.read(events));
    } catch (IOException e) {
      return VerdictRules.fail(exercise, origin, "could not start a grading JVM: " + e.getMessage(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return VerdictRules.fail(exercise, origin, "grading was interrupted", "");
    }
  }

  @Override
  public void close() {
    try {
      compiler.close();
      try (Stream<Path> paths = Files.walk(workDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
