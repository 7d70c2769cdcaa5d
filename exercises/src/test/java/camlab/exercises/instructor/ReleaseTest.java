package camlab.exercises.instructor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a class's repository leaves out. */
class ReleaseTest {
  @Test
  void solutionsHiddenGradersAndTheGradersOwnTestsStayWithTheInstructor() {
    assertTrue(Release.leftOut("solutions/02-cam.jsh"));
    assertTrue(Release.leftOut("exercises/src/main/java/camlab/exercises/graders/cam/MinMaxNormalizeHiddenGrader.java"));
    assertTrue(Release.leftOut("exercises/src/test/resources/wrong-answers/2.2/epsilon-guard.jsh"));
    assertTrue(Release.leftOut("exercises/src/test/java/camlab/exercises/gates/SolutionsScoreFullIT.java"));
    assertTrue(Release.leftOut("exercises/src/test/resources/junit-platform.properties"));
    assertTrue(Release.leftOut("course/src/test/java/camlab/course/CourseNotebooksIT.java"));
    assertTrue(Release.leftOut("course/src/test/python/course_kernel_test.py"));
  }

  @Test
  void theCourseTheGradersAndTheGradingEntryPointGoToTheClass() {
    assertFalse(Release.leftOut("notebooks/02-cam.ipynb"));
    assertFalse(Release.leftOut("exercises/src/main/java/camlab/exercises/graders/cam/MinMaxNormalizeGrader.java"));
    assertFalse(Release.leftOut(Release.GRADING_ENTRY));
    assertFalse(Release.leftOut("course/src/test/resources/junit-platform.properties"));
    assertFalse(Release.leftOut("course/src/main/java/camlab/course/CourseExtension.java"));
    assertFalse(Release.leftOut("lib/src/test/java/camlab/explain/CamTest.java"));
    assertFalse(Release.leftOut("kernel/src/test/java/camlab/kernel/it/KernelProtocolIT.java"));
  }
}
