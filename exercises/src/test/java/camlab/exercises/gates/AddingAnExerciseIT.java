package camlab.exercises.gates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CellFiles;
import camlab.exercises.GradeRun;
import camlab.exercises.fixture.relu.ReluGrader;
import camlab.exercises.fixture.relu.ToyExercises;
import camlab.exercises.grading.GradeSettings;
import camlab.exercises.grading.GraderPlan;
import camlab.exercises.grading.Grading;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.TestOutcome;
import camlab.exercises.grading.Verdict;
import camlab.exercises.registry.Exercise;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.MarkerLine;
import camlab.exercises.source.NotebookFile;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SolutionsFile;
import camlab.exercises.source.Submission;
import camlab.exercises.source.SubmissionSource;

/**
 * The steps of "Adding an exercise" (exercises/README.md), taken for the toy exercise 10.1 and graded through the real grading
 * (compiler and cell JVMs): 1 its contract {@code Relu}, 2–3 its spec and grader {@code ReluGrader}, 4 its hidden grader, 5 its
 * registry line ({@code ToyExercises}), 6 its solution, 7 its stub cell, 8 its wrong answers ({@code src/test/resources/toy}).
 */
class AddingAnExerciseIT {
  private static final Exercise RELU = ToyExercises.RELU;
  private static final Path TOY = ToyExercises.resources();

  @Test
  void theContractIsTheCellsSignature() {   // step 1
    assertEquals("NDArray relu(NDArray map)", RELU.contract().signature());
  }

  @Test
  void theGraderAndTheHiddenGraderShareThePoints() {   // steps 2–5
    GraderPlan plan = GraderPlan.of(RELU);
    assertEquals(ReluGrader.class, RELU.grader());
    assertEquals(List.of("ReluGrader#golden", "ReluGrader#randomMapsMatchReference", "ReluGrader#argumentIsNotModified",
        "ReluHiddenGrader#thinMapsKeepTheirShape"), plan.items().stream().map(GraderPlan.Item::key).toList());
    assertEquals(0.75, plan.points(false), 1e-12);
    assertEquals(0.25, plan.points(true), 1e-12);
    assertTrue(plan.hiddenRunnable());
  }

  @Test
  void theSolutionAndTheStubCarryTheRegistrysMarker() throws Exception {   // steps 6–7
    String solution = CellFiles.read(TOY.resolve("solutions/10-toy.jsh"));
    assertEquals(MarkerLine.of(RELU), firstLine(SolutionsFile.sections(solution, "10-toy.jsh").get(0).source()));
    String notebook = CellFiles.read(TOY.resolve("notebooks/10-toy.ipynb"));
    assertEquals(MarkerLine.of(RELU), firstLine(NotebookFile.exerciseCells(NotebookFile.parse(notebook, "10-toy.ipynb"), "10-toy.ipynb")
        .get(0).source()));
  }

  @Test
  void theSolutionScoresFullMarksHiddenTestsIncluded() {   // step 6, graded
    GradeReport report = GradeRun.run(ToyExercises.registry(), SubmissionSource.solutions(TOY.resolve("solutions"), RepoRoot.find()),
        GradeSettings.fromSystemProperties().withHiddenTests(true), v -> { });
    Verdict v = report.verdicts().get(0);
    assertEquals(Status.PASS, v.status(), () -> VerdictFormat.block(v));
    assertEquals(1, v.points(), 1e-12);
    assertEquals(4, v.tests().stream().map(TestOutcome::item).distinct().count(), () -> v.tests().toString());
  }

  @Test
  void theStubCellIsTodo() {   // step 7, graded: it compiles with the contract's signature and hits the stub
    GradeReport report = GradeRun.run(ToyExercises.registry(), SubmissionSource.notebooks(TOY.resolve("notebooks"), RepoRoot.find(), false),
        GradeSettings.fromSystemProperties().withChecks(GradeSettings.Checks.COMPILE_STUBS), v -> { });
    Verdict v = report.verdicts().get(0);
    assertEquals(Status.TODO, v.status(), () -> VerdictFormat.block(v));
    assertTrue(v.message().startsWith("not solved yet"), v::message);
  }

  @Test
  void everyWrongAnswerFailsAndOneOnlyTheHiddenTestsCatch(@TempDir Path tmp) throws Exception {   // steps 5 and 8, graded
    List<Path> wrong = CellFiles.list(TOY.resolve("wrong-answers/10.1"));
    Path library = tmp.resolve("calls-the-library.jsh");
    Files.writeString(library, MarkerLine.of(RELU) + "\nNDArray relu(NDArray map) {\n    return camlab.ops.MapOps.relu(map);\n}\n");
    List<Submission> submissions = new java.util.ArrayList<>(wrong.stream().map(f -> CellFiles.submission(ToyExercises.registry(), f)).toList());
    submissions.add(CellFiles.submission(ToyExercises.registry(), library));
    List<Verdict> verdicts;
    try (Grading grading = new Grading(GradeSettings.fromSystemProperties().withHiddenTests(true))) {
      verdicts = grading.gradeAll(submissions, v -> { });
    }
    GraderPlan plan = GraderPlan.of(RELU);
    boolean onlyHidden = false;
    for (int i = 0; i < wrong.size(); i++) {
      Verdict v = verdicts.get(i);
      assertEquals(Status.FAIL, v.status(), () -> VerdictFormat.block(v));
      assertFalse(v.message().startsWith("does not compile"), v::message);
      onlyHidden |= v.tests().stream().filter(t -> t.status() == Status.FAIL)
          .allMatch(t -> plan.item(t.item()).orElseThrow().hidden());
    }
    assertTrue(onlyHidden, "a wrong answer only the hidden tests catch");
    Verdict library0 = verdicts.get(wrong.size());
    assertEquals(Status.FAIL, library0.status(), () -> VerdictFormat.block(library0));
    assertTrue(library0.message().contains("10.1 asks you to write this yourself: calling MapOps.relu"), library0::message);
  }

  private static String firstLine(String source) {
    return source.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
  }
}
