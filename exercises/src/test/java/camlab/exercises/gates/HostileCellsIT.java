package camlab.exercises.gates;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import camlab.exercises.CellFiles;
import camlab.exercises.GradeRun;
import camlab.exercises.SolveNotebooks;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Grading;
import camlab.exercises.grading.Sandbox;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;
import camlab.exercises.registry.Exercise;
import camlab.exercises.registry.ExerciseRegistry;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.ExerciseCell;
import camlab.exercises.source.MarkerLine;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.Submission;
import camlab.exercises.source.SubmissionSource;

/**
 * Gate (d): hostile cells — they loop, exit, overflow, hoard memory, flood the output, forge the grading channel,
 * start processes that outlive grading, write into the checkout and ~/.m2, read the solutions, open sockets, fill
 * the disk, attack the other rows, reach for the grader, call the library's answer, or nest an expression 5,000
 * deep — each get their own FAIL with a message saying what happened, graded in one run together with correct
 * answers, which still pass; and nothing outside the cells' JVMs changes.
 *
 * <p>Twice: as students are graded (the class-file policy and the sandbox), and with the sandbox alone (no
 * policy), which shows that the operating-system wall holds by itself. The second run needs bubblewrap; it is
 * skipped where there is none, unless {@code CAMLAB_REQUIRE_SANDBOX=1} (CI) makes its absence a failure.
 */
class HostileCellsIT {
  private static final GradeSettings SETTINGS = GradeSettings.fromSystemProperties()
      .withTimeout(Duration.ofSeconds(20)).withMemoryMb(1200);
  private static final Path CANARY = Path.of("/tmp/camlab-hostile-canary");
  private static final Path FILL = Path.of("/tmp/camlab-hostile-fill");
  private static final int PORT = 47613;
  private static final String MARK = "HOSTILE-WAS-HERE";

  @TestFactory
  Stream<DynamicTest> withThePolicyEveryHostileCellFailsAloneWithAClearMessage() throws Exception {
    return gradeCorpus(SETTINGS, false);
  }

  @TestFactory
  Stream<DynamicTest> behindTheSandboxAloneNothingGetsOut() throws Exception {
    boolean available = Sandbox.of("auto", 64).isolated();
    if (!available && "1".equals(System.getenv("CAMLAB_REQUIRE_SANDBOX"))) {
      throw new AssertionError("CAMLAB_REQUIRE_SANDBOX=1 but bubblewrap does not work here: " + Sandbox.of("auto", 64).description());
    }
    Assumptions.assumeTrue(available, "bubblewrap is not available: the sandbox-only run is skipped");
    return gradeCorpus(SETTINGS.withChecks(GradeSettings.Checks.SANDBOX_ONLY).withSandbox("bwrap"), true);
  }

  private Stream<DynamicTest> gradeCorpus(GradeSettings settings, boolean sandboxOnly) throws Exception {
    ExerciseRegistry registry = FixtureExercises.withCourse();
    List<Path> hostile = CellFiles.list(FixtureExercises.resources().resolve("hostile"));
    List<Submission> submissions = new ArrayList<>();
    hostile.forEach(f -> submissions.add(CellFiles.submission(registry, f)));
    submissions.add(deepExpression(registry.require("2.1")));
    Path root = RepoRoot.find();
    int correctFrom = submissions.size();
    submissions.add(SubmissionSource.solutions(root.resolve("solutions"), root).collect(registry.require("2.1")));
    submissions.add(SubmissionSource.solutions(FixtureExercises.resources().resolve("fixture-solutions"), root)
        .collect(registry.require("9.1")));

    Files.writeString(CANARY, "original");
    Files.deleteIfExists(FILL);
    List<Path> marks = List.of(root.resolve("solutions").resolve(MARK), root.resolve("notebooks").resolve(MARK + ".ipynb"),
        Path.of(System.getProperty("user.home"), ".m2", "repository", MARK));
    for (Path m : marks) Files.deleteIfExists(m);
    AtomicInteger connections = new AtomicInteger();
    List<Verdict> verdicts;
    long start = System.nanoTime();
    try (ServerSocket server = new ServerSocket(PORT, 5, InetAddress.getLoopbackAddress())) {
      Thread listener = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            connections.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      }, "hostile-listener");
      listener.setDaemon(true);
      listener.start();
      try (Grading grading = new Grading(settings)) {
        System.out.println((sandboxOnly ? "sandbox only: " : "policy and sandbox: ") + grading.sandboxDescription());
        // each cell as a student of its own, in cell JVMs of its own, as the batch grader keeps students apart
        verdicts = grading.gradeEach(submissions.stream().map(List::of).toList(), v -> System.out.println(v.origin() + " ("
            + v.elapsed().toMillis() + " ms): " + VerdictFormat.line(v))).stream().map(l -> l.get(0)).toList();
      }
      Thread.sleep(4000); // longer than the processes a hostile cell starts would wait before striking
    }
    System.out.printf("graded %d cells in %.1f s%n", submissions.size(), (System.nanoTime() - start) / 1e9);
    String canary = Files.readString(CANARY, StandardCharsets.UTF_8);
    boolean filled = Files.exists(FILL);
    List<Path> marked = marks.stream().filter(Files::exists).toList();
    for (Path m : marked) Files.delete(m);
    Files.deleteIfExists(FILL);
    boolean strayProcesses = ProcessHandle.allProcesses()
        .anyMatch(p -> p.info().commandLine().map(c -> c.contains("camlab-hostile-canary")).orElse(false));

    Stream<DynamicTest> hostileTests = IntStream.range(0, correctFrom).mapToObj(i -> {
      Verdict v = verdicts.get(i);
      String expected = i < hostile.size() ? expectation(hostile.get(i), sandboxOnly) : "PASS";
      return dynamicTest(v.origin(), () -> assertVerdict(expected, v));
    });
    Stream<DynamicTest> correctTests = IntStream.range(correctFrom, verdicts.size()).mapToObj(i -> {
      Verdict v = verdicts.get(i);
      return dynamicTest("correct " + v.exercise().id() + " graded in the same run passes",
          () -> assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v)));
    });
    Stream<DynamicTest> nothingOutside = Stream.of(
        dynamicTest("no process of a cell rewrote a file after grading", () -> assertEquals("original", canary)),
        dynamicTest("no process of a cell is still running", () -> assertFalse(strayProcesses)),
        dynamicTest("nothing was written into solutions/, notebooks/ or ~/.m2", () -> assertEquals(List.of(), marked)),
        dynamicTest("no 100 MB file appeared in the machine's /tmp", () -> assertFalse(filled)),
        dynamicTest("no cell reached a port on this machine", () -> assertEquals(0, connections.get())));
    return Stream.of(hostileTests, correctTests, nothingOutside).flatMap(s -> s);
  }

  /** What the verdict must be: {@code PASS}, {@code ANY}, or (FAIL) text the verdict must contain. */
  private static String expectation(Path file, boolean sandboxOnly) {
    String policy = CellFiles.expectation(file).orElseThrow(() -> new IllegalStateException(file + " lacks `// expect:`"));
    if (!sandboxOnly) return policy.startsWith("PASS") ? "PASS" : policy;
    String sandbox = CellFiles.sandboxExpectation(file).orElseThrow(() -> new IllegalStateException(file + " lacks `// sandbox:`"));
    return sandbox.startsWith("FAIL ") ? sandbox.substring(5) : sandbox;
  }

  private static void assertVerdict(String expected, Verdict v) {
    if (expected.equals("ANY")) return;
    if (expected.equals("PASS")) {
      assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v));
      return;
    }
    assertEquals(Status.FAIL, v.status(), () -> VerdictFormat.block(v));
    assertTrue(VerdictFormat.block(v).contains(expected), () -> "expected the verdict to say \"" + expected + "\":\n" + VerdictFormat.block(v));
  }

  /** A correct 2.1 whose one statement is a sum of 5,000 terms: javac recurses once per term. */
  private static Submission deepExpression(Exercise cam) {
    String source = "// EXERCISE 2.1 — Class activation map (3 points)\n"
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) {\n"
        + "    float terms = " + "1f + ".repeat(4999) + "1f;\n"
        + "    return features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0}).mul(terms / 5000f);\n"
        + "}\n";
    return new Submission.Found(cam, new ExerciseCell(MarkerLine.ofCell(source).orElseThrow(), source, "deep-expression (generated)"));
  }

  @Test
  void invalidNotebookFailsOnlyItsOwnExercises(@TempDir Path tmp) throws Exception {
    Path root = RepoRoot.find();
    Path solved = tmp.resolve("solved");
    SolveNotebooks.solve(FixtureExercises.stubNotebooks(), FixtureExercises.solutionsFor(tmp), solved);
    Path cam = solved.resolve("02-cam.ipynb");
    String json = Files.readString(cam, StandardCharsets.UTF_8);
    Files.writeString(cam, json.substring(0, json.length() / 2), StandardCharsets.UTF_8); // a truncated save

    GradeReport report = GradeRun.run(FixtureExercises.registry(), SubmissionSource.notebooks(solved, root, false), SETTINGS, v -> { });
    Verdict broken = report.verdicts().get(0);
    assertEquals("2.1", broken.exercise().id());
    assertEquals(Status.FAIL, broken.status(), () -> VerdictFormat.block(broken));
    assertTrue(broken.message().contains("02-cam.ipynb is not valid JSON"), () -> VerdictFormat.line(broken));
    Verdict other = report.verdicts().get(1);
    assertEquals(Status.PASS, other.status(), () -> VerdictFormat.block(other));
  }
}
