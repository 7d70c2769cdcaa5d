package camlab.exercises.graders;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import camlab.exercises.CourseExercises;
import camlab.exercises.fixture.relu.ToyExercises;
import camlab.exercises.graders.cam.ClassActivationMap;
import camlab.exercises.registry.Exercise;

import static camlab.exercises.graders.Args.args;
import static camlab.exercises.graders.ExerciseSpec.dims;

/** Every course grader is built from a spec whose hand derivations agree with its reference, and the spec's rules hold. */
class ExerciseSpecTest {
  /** The {@code SPEC} of {@code grader}. */
  static ExerciseSpec<?> spec(Class<?> grader) {
    for (Field f : grader.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ExerciseSpec.class) {
        try {
          f.setAccessible(true);
          return (ExerciseSpec<?>) f.get(null);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionFailedError(grader.getSimpleName() + " has no static ExerciseSpec");
  }

  /** The course's exercises and the toy one of "Adding an exercise". */
  private static List<Exercise> exercises() {
    List<Exercise> all = new ArrayList<>(CourseExercises.registry().all());
    all.addAll(ToyExercises.registry().all());
    return all;
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseAgreesWithTheReference() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Exercise e : exercises()) {
      ExerciseSpec<?> spec = spec(e.grader());
      for (ExerciseSpec.Golden g : spec.goldenCases()) {
        tests.add(dynamicTest(e.id() + " " + g.name(), () -> {
          try (Inputs in = new Inputs(1)) {
            Args args = g.inputs().apply(in);
            Object reference = spec.expected(args);
            Object asResult = reference instanceof Tensor t ? in.array(t.values(), t.shape().getShape()) : reference;
            spec.judge().judge(args, g.expected(), asResult, "the reference's " + spec.describe(args), g.derivation());
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyArrayArgumentMustStayUnchanged() {
    return exercises().stream().map(e -> dynamicTest(e.id(), () -> {
      ExerciseSpec<?> spec = spec(e.grader());
      List<String> arrays = new ArrayList<>();
      for (java.lang.reflect.Parameter p : spec.method().getParameters()) {
        if (p.getType().isArray() || NDArray.class.isAssignableFrom(p.getType())) arrays.add(p.getName());
      }
      assertEquals(arrays, spec.unchangedArguments(), "the contract promises that the arguments are left unchanged");
    }));
  }

  @Test
  void aSpecSaysWhatIsMissing() {
    IllegalStateException noUnchanged = assertThrows(IllegalStateException.class, () -> ExerciseSpec.of(ClassActivationMap.class)
        .reference(a -> a.array(0)).tolerance(1e-5).golden("g", in -> args(), Tensor.filled(0, 1), "")
        .random(1, (in, d) -> args(), dims(1)).build());
    assertTrue(noUnchanged.getMessage().contains("say which arguments must stay unchanged"), noUnchanged.getMessage());
    IllegalStateException misspelt = assertThrows(IllegalStateException.class, () -> ExerciseSpec.of(ClassActivationMap.class)
        .reference(a -> a.array(0)).tolerance(1e-5).golden("g", in -> args(), Tensor.filled(0, 1), "")
        .random(1, (in, d) -> args(), dims(1)).unchanged("features", "weights").build());
    assertTrue(misspelt.getMessage().contains("has no parameter `weights`"), misspelt.getMessage());
    IllegalStateException noTolerance = assertThrows(IllegalStateException.class, () -> ExerciseSpec.of(ClassActivationMap.class)
        .reference(a -> a.array(0)).golden("g", in -> args(), Tensor.filled(0, 1), "")
        .random(1, (in, d) -> args(), dims(1)).unchanged("features").build());
    assertTrue(noTolerance.getMessage().contains("state the tolerance"), noTolerance.getMessage());
  }

  @Test
  void aCallIsNamedByItsArgumentsShapesAndShortArrays() {
    ExerciseSpec<?> spec = spec(camlab.exercises.graders.cam.ClassActivationMapGrader.class);
    try (Inputs in = new Inputs(1)) {
      assertEquals("classActivationMap(features (3, 2, 4), classWeights (3))", spec.describe(args(in.gaussian(3, 2, 4), in.gaussian(3))));
    }
    ExerciseSpec<?> iou = spec(camlab.exercises.graders.localization.BoxIouGrader.class);
    assertEquals("boxIou(a [0, 0, 3, 3], b [2, 2, 5, 5])", iou.describe(args(new int[] {0, 0, 3, 3}, new int[] {2, 2, 5, 5})));
    ExerciseSpec<?> auc = spec(camlab.exercises.graders.trust.DeletionAucGrader.class);
    assertEquals("deletionAuc(scores double[50177])", auc.describe(args(new double[50177])));
  }
}
