package camlab.exercises.gates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import camlab.exercises.CellFiles;
import camlab.exercises.ExerciseRegistry;
import camlab.exercises.GradeRun;
import camlab.exercises.SolveNotebooks;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.Grading;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.Submission;
import camlab.exercises.source.SubmissionSource;

/**
 * Gate (d): cells that loop, exit, overflow, hoard memory, flood the output, don't compile, or break the
 * signature each get their own FAIL with a message saying what happened — graded in one run together
 * with correct answers, which still pass.
 */
class HostileCellsIT {
  private static final GradeSettings SETTINGS = GradeSettings.fromSystemProperties()
      .withTimeout(Duration.ofSeconds(15)).withMemoryMb(1200);

  @TestFactory
  Stream<DynamicTest> hostileCellsFailAloneWithAClearMessage() {
    ExerciseRegistry registry = FixtureExercises.registry();
    List<Path> hostile = CellFiles.list(FixtureExercises.resources().resolve("hostile"));
    List<Submission> submissions = new ArrayList<>();
    hostile.forEach(f -> submissions.add(CellFiles.submission(registry, f)));
    Path root = RepoRoot.find();
    submissions.add(SubmissionSource.solutions(root.resolve("solutions"), root).collect(registry.require("2.1")));
    submissions.add(SubmissionSource.solutions(FixtureExercises.resources().resolve("fixture-solutions"), root)
        .collect(registry.require("9.1")));

    long start = System.nanoTime();
    List<Verdict> verdicts;
    try (Grading grading = new Grading(SETTINGS)) {
      verdicts = grading.gradeAll(submissions, v -> System.out.println(v.origin() + " (" + v.elapsed().toMillis() + " ms): "
          + VerdictFormat.line(v)));
    }
    System.out.printf("graded %d cells in %.1f s%n", submissions.size(), (System.nanoTime() - start) / 1e9);

    Stream<DynamicTest> hostileTests = IntStream.range(0, hostile.size()).mapToObj(i -> {
      Path file = hostile.get(i);
      String expected = CellFiles.expectation(file).orElseThrow(() -> new IllegalStateException(file + " lacks `// expect:`"));
      Verdict v = verdicts.get(i);
      return dynamicTest(file.getFileName().toString(), () -> {
        if (expected.startsWith("PASS")) {
          assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v));
        } else {
          assertEquals(Status.FAIL, v.status(), () -> VerdictFormat.block(v));
          assertTrue(VerdictFormat.block(v).contains(expected),
              () -> "expected the verdict to say \"" + expected + "\":\n" + VerdictFormat.block(v));
        }
      });
    });
    Stream<DynamicTest> correctTests = IntStream.range(hostile.size(), verdicts.size()).mapToObj(i -> {
      Verdict v = verdicts.get(i);
      return dynamicTest("correct " + v.exercise().id() + " graded in the same run passes",
          () -> assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v)));
    });
    return Stream.concat(hostileTests, correctTests);
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
