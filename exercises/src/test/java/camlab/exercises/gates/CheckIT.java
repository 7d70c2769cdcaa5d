package camlab.exercises.gates;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CellFiles;
import camlab.exercises.Check;
import camlab.exercises.CourseExercises;
import camlab.exercises.ExerciseCells;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.GraderPlan;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;
import camlab.exercises.report.VerdictFormat;
import camlab.exercises.source.RepoRoot;

/** check("2.1") grades the cell last run in the kernel, and prints the verdict line {@code ./mvnw test} prints. */
class CheckIT {
  @AfterEach
  void forget() {
    ExerciseCells.forgetAll();
  }

  @Test
  void gradesTheCellLastRunAndPrintsTheSameVerdictLine() {
    String solution = CellFiles.read(RepoRoot.find().resolve("solutions/02-cam.jsh"));
    ExerciseCells.remember(solution.substring(solution.indexOf("// EXERCISE 2.1")));
    String printed = printed(() -> Check.check("2.1"));
    double visible = GraderPlan.of(CourseExercises.registry().require("2.1")).points(false); // check() runs the visible tests
    assertEquals("2.1 Class activation map: PASS " + VerdictFormat.score(visible, visible), printed.strip());
  }

  @Test
  void aWrongCellGetsTheFailureLineAndDetails() {
    ExerciseCells.remember(CellFiles.read(FixtureExercises.resources().resolve("wrong-answers/2.1/relu-applied.jsh")));
    Verdict v = Check.verdict("2.1");
    assertEquals(Status.FAIL, v.status());
    String printed = printed(() -> Check.check("2.1"));
    assertTrue(printed.startsWith(VerdictFormat.line(v)), printed);
    assertTrue(printed.contains("graded: the cell last run in this kernel"), printed);
  }

  @Test
  void theStubIsTodoAndCrlfCellsGradeTheSame() {
    String stub = "// EXERCISE 2.1 — Class activation map (3 points)\r\nNDArray classActivationMap(NDArray features, NDArray classWeights) {\r\n"
        + "    throw new NotSolvedYet(\"2.1\");\r\n}\r\n";
    ExerciseCells.remember(stub);
    assertEquals(Status.TODO, Check.verdict("2.1").status());
  }

  @Test
  void anUnknownExerciseNamesTheExistingOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.check("7.7"));
    assertTrue(e.getMessage().contains("there is no exercise \"7.7\"") && e.getMessage().contains("2.1"), e.getMessage());
  }

  @Test
  void withoutARunCellItGradesTheSavedNotebook() {
    Verdict v = Check.verdict("2.1");
    Path notebook = RepoRoot.find().resolve("notebooks/02-cam.ipynb");
    if (!notebook.toFile().exists()) {
      assertEquals(Status.TODO, v.status());
      assertTrue(v.message().contains("notebooks/02-cam.ipynb does not exist"), v.message());
    } else {
      assertTrue(v.origin().startsWith("notebooks/02-cam.ipynb, cell "), v.origin());
    }
  }

  private static String printed(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
