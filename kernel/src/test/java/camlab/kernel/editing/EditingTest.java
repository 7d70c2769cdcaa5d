package camlab.kernel.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.JavaEvaluator;
import camlab.kernel.eval.SourceOrigin;
import camlab.kernel.exec.ThreadStopper;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tab completion, Shift-Tab inspection and is_complete against a real JShell. */
class EditingTest {
  private static JavaEvaluator eval;
  private static Completion completion;
  private static Inspection inspection;
  private static CompletenessCheck completeness;

  @BeforeAll
  static void start() throws CellFailure {
    eval = JavaEvaluator.start(Duration.ofSeconds(1), ThreadStopper.jdk());
    eval.runner().beginCell(null, null);
    eval.run("String greeting = \"hi\";", SourceOrigin.cell(1), 1);
    completion = new Completion(eval.analysis(), () -> List.of("classpath", "jars", "load", "lsmagic", "maven"), eval::notebookNames);
    inspection = new Inspection(eval.analysis());
    completeness = new CompletenessCheck(eval.analysis());
  }

  @AfterAll
  static void stop() {
    eval.close();
  }

  private static String apply(String code, Completion.Options o, int choice) {
    return code.substring(0, o.start()) + o.matches().get(choice) + code.substring(o.end());
  }

  @Test
  void completesMembersAtTheCursorInALaterStatement() {
    String code = "int n = 1;\nString s = greeting.toUpp";
    Completion.Options o = completion.complete(code, code.length());
    assertEquals(List.of("toUpperCase("), o.matches());
    assertEquals("int n = 1;\nString s = greeting.toUpperCase(", apply(code, o, 0));
  }

  @Test
  void completesInsideABlockAndBeforeLaterLines() {
    String code = "for (int i = 0; i < 3; i++) {\n  Math.ma\n}\nint after = 2;";
    int cursor = code.indexOf("Math.ma") + "Math.ma".length();
    Completion.Options o = completion.complete(code, cursor);
    assertTrue(o.matches().contains("max("), o.matches().toString());
    assertEquals(cursor - 2, o.start());
  }

  @Test
  void completesMagicNamesAndCodeAfterAMagicLine() {
    Completion.Options magic = completion.complete("%lo", 3);
    assertEquals(List.of("load"), magic.matches());
    assertEquals(1, magic.start());
    String code = "%jars lib/*.jar\ngreeting.len";
    assertEquals(List.of("length()"), completion.complete(code, code.length()).matches());
  }

  @Test
  void cursorPositionsCountCodePointsLikeJupyter() {
    String code = "String e = \"\uD83D\uDE00\"; greeting.isBl";
    int codePoints = code.codePointCount(0, code.length());
    Completion.Options o = completion.complete(code, codePoints);
    assertEquals(List.of("isBlank()"), o.matches());
    assertEquals(codePoints - 4, o.start());
  }

  @Test
  void inspectionShowsSignaturesForTheNameUnderTheCursorOrTheCallAroundIt() {
    String code = "int m = Math.max(1, 2);";
    String onName = inspection.inspect(code, code.indexOf("max") + 1, false).getData(MIMEType.TEXT_PLAIN).toString();
    assertTrue(onName.contains("int Math.max(int a, int b)"), onName);
    String inArgs = inspection.inspect(code, code.indexOf("2)"), false).getData(MIMEType.TEXT_PLAIN).toString();
    assertTrue(inArgs.contains("Math.max("), inArgs);
    assertNull(inspection.inspect("   ", 1, false));
  }

  @Test
  void javadocHtmlBecomesPlainText() {
    assertEquals("Returns the greater of two values.\n\n<b>a</b> & b", JavadocText.plain(
        "Returns the <i>greater</i> of two values.<p>\n&lt;b&gt;a&lt;/b&gt; &amp; b"));
  }

  @Test
  void isCompleteAnswersCompleteIncompleteWithIndentOrInvalid() {
    assertEquals(CompletenessCheck.Status.COMPLETE, completeness.check("int x = 1;").status());
    assertEquals(CompletenessCheck.Status.COMPLETE, completeness.check("greeting").status());
    assertEquals(CompletenessCheck.Status.COMPLETE, completeness.check("%load helpers.jsh").status());
    assertEquals(CompletenessCheck.Status.COMPLETE, completeness.check("").status());
    CompletenessCheck.Verdict open = completeness.check("for (int i = 0; i < 3; i++) {");
    assertEquals(new CompletenessCheck.Verdict(CompletenessCheck.Status.INCOMPLETE, "    "), open);
    assertEquals("    ", completeness.check("if (true) {\n    int y = 2;").indent());
    assertEquals(CompletenessCheck.Status.INVALID, completeness.check("}}}").status());
  }
}
