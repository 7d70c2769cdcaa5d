package camlab.exercises.grading;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import camlab.exercises.CourseExercises;
import camlab.exercises.fixture.FixtureExercises;
import camlab.exercises.registry.Exercise;
import camlab.exercises.sandbox.CellCompiler;
import camlab.exercises.sandbox.CompileOutcome;
import camlab.exercises.source.RepoRoot;
import camlab.exercises.source.SolutionsFile;

/** What a cell may call, checked on its class files: each rule on a small cell, and every reference answer passes. */
class CellPolicyTest {
  private static final String SUM = "// EXERCISE 9.1 — Sum of values (1 point)\n";
  private static CellCompiler compiler;

  @BeforeAll
  static void open() {
    compiler = new CellCompiler(System.getProperty("java.class.path"));
  }

  @AfterAll
  static void close() throws Exception {
    compiler.close();
  }

  private static Optional<CellPolicy.Violation> check(Exercise exercise, String cell) {
    CompileOutcome.Compiled c = assertInstanceOf(CompileOutcome.Compiled.class, compiler.compile(exercise.cellSignature(), cell));
    return CellPolicy.check(exercise, exercise.cellClassName(), c.classes(), c.cell()::cellLine);
  }

  /** The message for a 9.1 cell whose body (from cell line 3) is {@code body}. */
  private static String refused(String body) {
    return check(FixtureExercises.SUM, SUM + "int sum(int[] values) throws Exception {\n" + body + "\n}\n")
        .orElseThrow(() -> new AssertionError("not refused: " + body)).message();
  }

  @Test
  void plainJavaLambdasRecordsStringsAndStreamsAreAllowed() {
    assertEquals(Optional.empty(), check(FixtureExercises.SUM, SUM
        + "record Acc(int total) {}\n"
        + "enum Mode { PLAIN }\n"
        + "int sum(int[] values) {\n"
        + "  java.util.function.IntBinaryOperator add = Integer::sum;\n"
        + "  Acc acc = new Acc(java.util.Arrays.stream(values).reduce(0, add));\n"
        + "  String s = \"total \" + acc + Mode.valueOf(\"PLAIN\") + String.format(\"%d\", acc.total());\n"
        + "  assert s.length() > 0;\n"
        + "  System.out.println(s + java.util.List.of(1, 2).stream().map(x -> x * 2).toList() + Math.max(1, 2));\n"
        + "  new Thread(() -> {}).start();\n"
        + "  return acc.total() + getClass().getSimpleName().length() * 0;\n"
        + "}\n"));
  }

  @Test
  void eachRefusalNamesTheLineTheMemberAndTheReason() {
    assertEquals("cell line 3 calls java.nio.file.Files.writeString: an exercise cell may not read or write files — it computes its"
        + " result from its arguments", refused("java.nio.file.Files.writeString(null, \"y\"); return 0;"));
  }

  @TestFactory
  Stream<DynamicTest> filesProcessesNetworkReflectionNativeAndTheJvmAreRefused() {
    return Stream.of(
        new String[] {"new java.io.FileOutputStream(\"x\").close(); return 0;", "may not read or write files"},
        new String[] {"new java.io.PrintStream(\"x\").close(); return 0;", "may not read or write files"},
        new String[] {"new java.util.Formatter(\"x\").close(); return 0;", "may not read or write files"},
        new String[] {"java.util.function.Function<java.nio.file.Path, Boolean> f = java.nio.file.Files::exists; return 0;",
            "may not read or write files"},
        new String[] {"new ProcessBuilder(\"sh\").start(); return 0;", "may not start operating-system processes"},
        new String[] {"Runtime.getRuntime().exec(\"sh\"); return 0;", "may not start operating-system processes"},
        new String[] {"ProcessHandle.current().pid(); return 0;", "may not start operating-system processes"},
        new String[] {"new java.net.Socket(\"192.0.2.1\", 80).close(); return 0;", "may not open network connections"},
        new String[] {"return Class.forName(\"camlab.exercises.graders.cam.ClassActivationMapGrader\").hashCode();",
            "may not use reflection or load classes and code by name"},
        new String[] {"return getClass().getDeclaredMethods().length;", "may not use reflection"},
        new String[] {"return getClass().getClassLoader().hashCode();", "may not use reflection"},
        new String[] {"return java.lang.invoke.MethodHandles.lookup().hashCode();", "may not use reflection"},
        new String[] {"return Thread.currentThread().getContextClassLoader().hashCode();", "may not use reflection"},
        new String[] {"System.loadLibrary(\"x\"); return 0;", "may not load native code"},
        new String[] {"System.setOut(System.err); return 0;", "may not change the JVM's streams, settings or shutdown"},
        new String[] {"Runtime.getRuntime().addShutdownHook(new Thread()); return 0;", "may not change the JVM's"},
        new String[] {"return System.getenv(\"HOME\").length();", "may not read environment variables"},
        new String[] {"return new java.io.FileDescriptor().hashCode();", "may not read or write files"},
        new String[] {"return camlab.exercises.CourseExercises.registry().hashCode();", "may not use the grading code"},
        new String[] {"return ai.djl.ndarray.NDManager.newBaseManager().zeros(new ai.djl.ndarray.types.Shape(1))"
            + ".getNDArrayInternal().hashCode();", "may not use the engine's internal API"},
        new String[] {"return new com.google.gson.Gson().toJson(values).length();", "may not use this class"},
        new String[] {"return javax.script.ScriptEngineManager.class.hashCode();", "may not use this class"}
    ).map(c -> dynamicTest(c[0], () -> {
      String message = refused(c[0]);
      assertTrue(message.startsWith("cell line 3 "), message);
      assertTrue(message.contains(c[1]), message);
    }));
  }

  @Test
  void aClassOfTheCellCannotInheritWhatItMayNotCall() {
    String message = check(FixtureExercises.SUM, SUM
        + "class Sneaky extends java.io.FileOutputStream { Sneaky() throws java.io.IOException { super(\"x\"); } }\n"
        + "int sum(int[] values) { return 0; }\n").orElseThrow().message();
    assertTrue(message.contains("java.io.FileOutputStream") && message.contains("may not read or write files"), message);
  }

  @Test
  void staticInitializersAreCheckedToo() {
    String message = check(FixtureExercises.SUM, SUM
        + "static final java.io.File FILE = new java.io.File(\"x\");\n"
        + "int sum(int[] values) { return 0; }\n").orElseThrow().message();
    assertTrue(message.startsWith("cell line 2 creates a java.io.File"), message);
  }

  @Test
  void aLibraryOneLinerIsRefusedWithTheExercisesOwnMessage() {
    Exercise normalize = CourseExercises.registry().require("2.2");
    String message = check(normalize, "// EXERCISE 2.2 — Min-max normalisation (2 points)\n"
        + "NDArray minMaxNormalize(NDArray map) {\n"
        + "    return camlab.ops.MapOps.minMaxNormalize(map);\n"
        + "}\n").orElseThrow().message();
    assertEquals("2.2 asks you to write this yourself: calling MapOps.minMaxNormalize (cell line 3) is not allowed here"
        + " (you may use it in other cells to compare)", message);
    // the same call is fine where it is not the exercise
    assertEquals(Optional.empty(), check(CourseExercises.registry().require("2.1"), "// EXERCISE 2.1 — Class activation map (3 points)\n"
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) {\n"
        + "    return camlab.ops.MapOps.minMaxNormalize(features.mul(classWeights.reshape(-1, 1, 1)).sum(new int[] {0}));\n"
        + "}\n"));
  }

  @Test
  void aWholeClassOnTheListIsRefusedWhateverIsCalled() {
    String message = check(CourseExercises.registry().require("2.1"), "// EXERCISE 2.1 — Class activation map (3 points)\n"
        + "NDArray classActivationMap(NDArray features, NDArray classWeights) {\n"
        + "    return camlab.explain.Cam.classActivationMaps(features.expandDims(0), classWeights.expandDims(0), new int[] {0}).squeeze(0);\n"
        + "}\n").orElseThrow().message();
    assertTrue(message.startsWith("2.1 asks you to write this yourself: calling Cam.classActivationMaps (cell line 3)"), message);
  }

  @TestFactory
  Stream<DynamicTest> everyReferenceAnswerPassesThePolicy() {
    return CourseExercises.registry().all().stream().map(e -> dynamicTest(e.id(), () -> {
      java.nio.file.Path file = RepoRoot.find().resolve("solutions").resolve(e.solutionsFile());
      String cell = SolutionsFile.sections(java.nio.file.Files.readString(file), file.toString()).stream()
          .filter(c -> c.id().equals(e.id())).findFirst().orElseThrow().source();
      assertEquals(Optional.empty(), check(e, cell));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyWriteYourselfEntryNamesAnExistingClassAndMember() {
    return CourseExercises.registry().all().stream().flatMap(e -> e.writeYourself().stream().map(entry -> dynamicTest(e.id() + " " + entry,
        () -> {
          int hash = entry.indexOf('#');
          Class<?> owner = Class.forName(hash < 0 ? entry : entry.substring(0, hash));
          if (hash < 0) return;
          String member = entry.substring(hash + 1);
          String prefix = member.endsWith("*") ? member.substring(0, member.length() - 1) : member;
          boolean found = Stream.of(owner.getDeclaredMethods()).anyMatch(m -> member.endsWith("*") ? m.getName().startsWith(prefix)
              : m.getName().equals(prefix));
          assertTrue(found, () -> owner.getName() + " has no method " + member + ": a rename must update the write-yourself list");
        })));
  }
}
