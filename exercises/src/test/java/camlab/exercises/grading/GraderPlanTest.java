package camlab.exercises.grading;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import camlab.exercises.CourseExercises;
import camlab.exercises.fixture.FixtureExercises;

/** Every exercise's tests add up to its points, and each test method is found under the key it reports. */
class GraderPlanTest {
  @TestFactory
  Stream<DynamicTest> everyExercisesTestsAddUpToItsPoints() {
    return CourseExercises.registry().all().stream().map(e -> dynamicTest(e.id(), () -> {
      GraderPlan plan = GraderPlan.of(e);
      assertTrue(plan.items().size() >= 2, "at least two tests");
      assertEquals(e.points(), plan.points(false) + plan.points(true), 1e-9);
      plan.items().forEach(i -> assertTrue(i.points() > 0, i::toString));
    }));
  }

  @Test
  void pointsAreSplitEquallyWhenNoTestStatesThem() {
    GraderPlan plan = GraderPlan.of(FixtureExercises.SUM);
    assertEquals(2, plan.items().size());
    GraderPlan.Item small = plan.item("SumGrader#small").orElseThrow();
    assertEquals(0.5, small.points(), 1e-12);
    assertFalse(small.hidden());
    assertEquals("sum of [1, 2, 3] is 6", small.name());
  }
}
