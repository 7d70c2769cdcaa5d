package camlab.kernel.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.JavaEvaluator;
import camlab.kernel.eval.SourceOrigin;
import camlab.kernel.exec.AgentForTests;
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
  private static int javadocArchives;

  @BeforeAll
  static void start() throws Exception {
    AgentForTests.install(); // opens JShell's source list to the kernel, as java -jar camlab-kernel.jar does
    eval = JavaEvaluator.start(Duration.ofSeconds(1), ThreadStopper.jdk());
    javadocArchives = JavadocSources.install(eval.analysis());
    eval.runner().beginCell(null, null);
    eval.run("String greeting = \"hi\";", SourceOrigin.cell(1), 1);
    eval.run("int count = 3;", SourceOrigin.cell(2), 1);
    eval.run("void check(String id) { }", SourceOrigin.cell(3), 1);
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
  void completionSeesWhatTheSameCellDeclaresAboveTheCursorBeforeItRan() {
    String variable = "java.util.List<String> words = java.util.List.of();\nwords.isEm";
    assertEquals(List.of("isEmpty()"), completion.complete(variable, variable.length()).matches());
    String method = "int twice(int v) { return 2 * v; }\nint four = twi";
    assertEquals(List.of("twice("), completion.complete(method, method.length()).matches());
    String type = "class Pt { int xCoord; }\nint x = new Pt().xCo";
    assertEquals(List.of("xCoord"), completion.complete(type, type.length()).matches());
    String inMethod = "int base = 10;\nint addBase(int v) {\n  return v + bas";
    assertEquals(List.of("base"), completion.complete(inMethod, inMethod.length()).matches());
  }

  @Test
  void withNothingTypedOnlyWhatFitsIsOffered() {
    Completion.Options afterCheck = completion.complete("check(", 6);
    assertEquals(List.of("greeting"), afterCheck.matches(), "the String variables, not every name in scope");
    Completion.Options typed = completion.complete("check(co", 8);
    assertEquals("count", typed.matches().get(0), "a typed prefix gets every match, the notebook's own names first");
    Completion.Options members = completion.complete("greeting.", 9);
    assertTrue(members.matches().size() > 30 && members.matches().contains("length()"), "after a dot: every member");
  }

  @Test
  void inspectionWorksOnABareNameAVariableAndATypeName() {
    String max = inspection.inspect("Math.max", 8, false).getData(MIMEType.TEXT_PLAIN).toString();
    assertTrue(max.contains("int Math.max(int a, int b)") && max.contains("double Math.max(double a, double b)"), max);
    String variable = inspection.inspect("greeting", 8, false).getData(MIMEType.TEXT_PLAIN).toString();
    assertEquals("greeting:java.lang.String", variable, "JShell's form for a variable");
    String own = "int triple(int v) { return 3 * v; }\ntriple";
    String declaredAbove = inspection.inspect(own, own.length(), false).getData(MIMEType.TEXT_PLAIN).toString();
    assertTrue(declaredAbove.contains("int triple(int v)"), declaredAbove);
  }

  @Test
  void inspectionShowsTheJavadocOfTheNotebookApi() {
    assertEquals(1, javadocArchives, "target/docs holds the notebook API's sources (process-classes)");
    String display = "camlab.kernel.runtime.Display.display";
    String doc = inspection.inspect(display, display.length(), true).getData(MIMEType.TEXT_PLAIN).toString();
    assertTrue(doc.contains("camlab.kernel.runtime.Display.display(Object o)"), doc);
    assertTrue(doc.contains("Shows o now, below the running cell"), doc);
  }

  @Test
  void javadocTagsBecomeSections() {
    assertEquals("Adds two numbers, see Math.addExact and the sum.\n\nParameters:\n  a — the first\n  b — the second\n"
        + "Returns:\n  a + b", JavadocText.plain("Adds two numbers, see {@link Math#addExact} and {@code the sum}.\n"
            + "@param a the first\n@param b the\n    second\n@return {@code a + b}"));
    assertEquals("Example:\n\n  x = 1;\n  y = 2;", JavadocText.plain("Example:<pre>\n  x = 1;\n  y = 2;\n</pre>"));
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
