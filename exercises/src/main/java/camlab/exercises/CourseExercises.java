package camlab.exercises;

import java.util.List;

import camlab.exercises.graders.cam.ClassActivationMap;
import camlab.exercises.graders.cam.ClassActivationMapGrader;

/**
 * The course's exercises: the single source of truth for ids, titles, points and notebooks.
 * Notebook markers and {@code solutions/} sections must agree with it (checked in {@code ./mvnw verify}).
 */
public final class CourseExercises {
  private static final ExerciseRegistry REGISTRY = new ExerciseRegistry(List.of(
      new Exercise("2.1", "Class activation map", 3, "02-cam.ipynb",
          Contract.of(ClassActivationMap.class), ClassActivationMapGrader.class)));

  private CourseExercises() {}

  public static ExerciseRegistry registry() {
    return REGISTRY;
  }
}
