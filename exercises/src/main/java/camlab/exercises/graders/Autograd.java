package camlab.exercises.graders;

/**
 * DJL lets one gradient collector run at a time in a JVM, and the grading JVM runs the graders of several students at once:
 * a grader computes its reference gradients while holding {@link #LOCK}.
 */
public final class Autograd {
  public static final Object LOCK = new Object();

  private Autograd() {}
}
