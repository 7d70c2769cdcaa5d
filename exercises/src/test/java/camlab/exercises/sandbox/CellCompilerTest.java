package camlab.exercises.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.exercises.CourseExercises;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.registry.Exercise;

class CellCompilerTest {
  private static final String CAM = "// EXERCISE 2.1 — Class activation map (3 points)\n";
  private static CellCompiler compiler;
  private final Exercise cam = CourseExercises.registry().require("2.1");

  @BeforeAll
  static void open() {
    compiler = new CellCompiler(System.getProperty("java.class.path"));
  }

  @AfterAll
  static void close() throws Exception {
    compiler.close();
  }

  @Test
  void aCorrectCellCompilesToItsOwnClassWithTheDefaultImports() {
    CompileOutcome o = compiler.compile(cam.cellSignature(), CAM
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) {\n"
        + "    return features.mul(classWeights.reshape(new Shape(-1, 1, 1))).sum(new int[] {0});\n}\n");
    assertInstanceOf(CompileOutcome.Compiled.class, o, o::toString);
    assertTrue(((CompileOutcome.Compiled) o).classes().containsKey("Cell_2_1"), () -> ((CompileOutcome.Compiled) o).classes().keySet().toString());
  }

  @Test
  void helpersFieldsNestedTypesAndImportsAreAllowed() {
    CompileOutcome o = compiler.compile(FixtureExercises.SUM.cellSignature(), "// EXERCISE 9.1 — Sum of values (1 point)\n"
        + "import java.util.concurrent.atomic.AtomicInteger;\n"
        + "static final int ZERO = 0;\n"
        + "record Acc(int total) {}\n"
        + "int sum(int[] values) { return add(values).total(); }\n"
        + "Acc add(int[] values) { AtomicInteger t = new AtomicInteger(ZERO); for (int v : values) t.addAndGet(v); return new Acc(t.get()); }\n");
    assertInstanceOf(CompileOutcome.Compiled.class, o, o::toString);
  }

  @Test
  void aCompileErrorNamesTheCellLineAndPointsAtTheColumn() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class, compiler.compile(cam.cellSignature(), CAM
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) {\n"
        + "    return features.mull(classWeights);\n}\n"));
    assertEquals("does not compile: cell line 3: cannot find symbol", r.message());
    assertTrue(r.details().startsWith("cell line 3: cannot find symbol\n"), r.details());
    assertTrue(r.details().contains("\n        return features.mull(classWeights);\n                       ^"), r.details());
  }

  @Test
  void anUnbalancedBraceIsReportedAtTheEndOfTheCell() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class, compiler.compile(cam.cellSignature(), CAM
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) {\n    return features;\n"));
    assertTrue(r.message().startsWith("does not compile: end of the cell: reached end of file while parsing"), r.message());
  }

  @Test
  void statementsOutsideMethodsGetAHint() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class, compiler.compile(cam.cellSignature(), CAM
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) { return features; }\n"
        + "System.out.println(classActivationMap(null, null));\n"));
    assertTrue(r.message().startsWith("does not compile: cell line 3:"), r.message());
    assertTrue(r.details().contains("hint: an exercise cell may contain only declarations"), r.details());
  }

  @Test
  void aNameFromAnotherNotebookCellGetsAHint() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class, compiler.compile(cam.cellSignature(), CAM
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) { return model.forward(features); }\n"));
    assertTrue(r.details().contains("hint: an exercise cell is graded on its own"), r.details());
  }

  @Test
  void wrongParametersNameTheRequiredSignature() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class, compiler.compile(cam.cellSignature(), CAM
        + "NDArray classActivationMap(NDArray features, float[] weights) { return features; }\n"));
    assertEquals("cell 2.1 must define `NDArray classActivationMap(NDArray features, NDArray classWeights)`, but it defines "
        + "`NDArray classActivationMap(NDArray features, float[] weights)` (keep the signature from the original cell)", r.message());
  }

  @Test
  void aWrongReturnTypeIsAWrongSignature() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class, compiler.compile(cam.cellSignature(), CAM
        + "float[] classActivationMap(NDArray features, NDArray classWeights) { return null; }\n"));
    assertTrue(r.message().contains("but it defines `float[] classActivationMap(NDArray features, NDArray classWeights)`"), r.message());
  }

  @Test
  void aRenamedMethodIsNamed() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class, compiler.compile(cam.cellSignature(), CAM
        + "NDArray cam(NDArray features, NDArray classWeights) { return features; }\n"));
    assertEquals("cell 2.1 must define `NDArray classActivationMap(NDArray features, NDArray classWeights)`, but it defines no "
        + "method named classActivationMap (keep the name from the original cell)", r.message());
  }
}
