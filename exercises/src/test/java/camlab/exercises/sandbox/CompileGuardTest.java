package camlab.exercises.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import camlab.exercises.CourseExercises;

/** A compiler that overflows its stack on a deep expression rejects that cell; with a deep stack it compiles it. */
class CompileGuardTest {
  private static final String DEEP = "// EXERCISE 2.1 — Class activation map (3 points)\n"
      + "NDArray classActivationMap(NDArray features, NDArray classWeights) {\n"
      + "    float terms = " + "1f + ".repeat(4999) + "1f;\n"
      + "    return features.mul(classWeights).mul(terms);\n"
      + "}\n";
  private final CellSignature cam = CourseExercises.registry().require("2.1").cellSignature();

  @Test
  void aStackOverflowInJavacIsTheCellsRejectionNotTheEndOfTheJvm() {
    CompileOutcome.Rejected r = assertInstanceOf(CompileOutcome.Rejected.class,
        CompilerServer.compileGuarded(cam, DEEP, System.getProperty("java.class.path"), 256 << 10));
    assertEquals("does not compile: the Java compiler's stack overflowed on this cell — an expression or statement is nested too"
        + " deeply; split it into several statements", r.message());
  }

  @Test
  void theCellJvmsCompilerStackTakesASumOfFiveThousandTerms() {
    assertInstanceOf(CompileOutcome.Compiled.class,
        CompilerServer.compileGuarded(cam, DEEP, System.getProperty("java.class.path"), 512L << 20));
  }
}
