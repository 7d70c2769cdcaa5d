package camlab.exercises.report;

import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CourseExercises;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;
import camlab.exercises.registry.Exercise;

class ReportFormatTest {
  private final Exercise cam = CourseExercises.registry().require("2.1");
  private final Verdict pass = new Verdict(cam, Status.PASS, "", "", "solutions/02-cam.jsh, line 5", Duration.ofMillis(2100));
  private final Verdict fail = new Verdict(cam, Status.FAIL, "does not compile: cell line 3: cannot find symbol",
      "cell line 3: cannot find symbol\n    x.mull(y);\n      ^", "notebooks/02-cam.ipynb, cell 7", Duration.ZERO);
  private final Verdict todo = new Verdict(FixtureExercises.SUM, Status.TODO, "not solved yet: replace it", "", "", Duration.ZERO);

  @Test
  void verdictLines() {
    assertEquals("2.1 Class activation map: PASS 3/3", VerdictFormat.line(pass));
    assertEquals("2.1 Class activation map: FAIL 0/3 — does not compile: cell line 3: cannot find symbol", VerdictFormat.line(fail));
    assertEquals("9.1 Sum of values: TODO 0/1 — not solved yet: replace it", VerdictFormat.line(todo));
  }

  @Test
  void aFailBlockShowsWhereAndTheDetailsIndented() {
    assertEquals("2.1 Class activation map: FAIL 0/3 — does not compile: cell line 3: cannot find symbol\n"
        + "    graded: notebooks/02-cam.ipynb, cell 7\n"
        + "    cell line 3: cannot find symbol\n        x.mull(y);\n          ^", VerdictFormat.block(fail));
    assertEquals(VerdictFormat.line(pass), VerdictFormat.block(pass));
  }

  @Test
  void theTextTableEndsWithTheTotal() {
    String table = ScoreTable.text(new GradeReport("notebooks", List.of(pass, todo)));
    assertEquals("CamLab score — answers from notebooks\n"
        + "id     exercise              status  points  message\n"
        + "-----  --------------------  ------  ------  --------------------------\n"
        + "2.1    Class activation map  PASS       3/3\n"
        + "9.1    Sum of values         TODO       0/1  not solved yet: replace it\n"
        + "-----  --------------------  ------  ------  --------------------------\n"
        + "TOTAL                                   3/4  1 PASS, 0 FAIL, 1 TODO\n", table);
  }

  @Test
  void markdownAndJsonCarryTheSameScore() {
    GradeReport report = new GradeReport("solutions", List.of(pass, fail, todo));
    String md = ScoreTable.markdown(report);
    assertTrue(md.contains("| 2.1 | Class activation map | FAIL | 0/3 | does not compile: cell line 3: cannot find symbol |"), md);
    assertTrue(md.contains("| **TOTAL** | | | **3/7** | 1 PASS, 1 FAIL, 1 TODO |"), md);
    JsonObject json = JsonParser.parseString(ScoreFiles.json(report)).getAsJsonObject();
    assertEquals(3, json.get("points").getAsInt());
    assertEquals(7, json.get("maxPoints").getAsInt());
    assertEquals(1, json.get("fail").getAsInt());
    JsonObject first = json.getAsJsonArray("exercises").get(0).getAsJsonObject();
    assertEquals("PASS", first.get("status").getAsString());
    assertEquals(2.1, first.get("seconds").getAsDouble());
    assertTrue(!json.has("protection") && !md.contains("graded behind"), "no protection was recorded");
  }

  @Test
  void whatProtectedTheMachineIsRecordedForTheInstructor() {
    GradeReport report = new GradeReport("notebooks", List.of(pass), "bubblewrap (no network) and the class-file policy");
    assertEquals("bubblewrap (no network) and the class-file policy",
        JsonParser.parseString(ScoreFiles.json(report)).getAsJsonObject().get("protection").getAsString());
    assertTrue(ScoreTable.markdown(report).contains("Cells were graded behind bubblewrap (no network) and the class-file policy."));
  }
}
