package camlab.exercises.graders;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every grader: its tests receive the student's implementation as a parameter of the contract's type
 * ({@link StudentAnswer}), and run in {@code @Order} — hand-checkable failures first, since their messages are the clearest.
 *
 * <p>Test methods are declared in each grader, never here: {@code GraderPlan} files a test's points under the class that declares
 * its method, while the test reports under the grader that runs it, so a test inherited from here would earn nothing.
 */
@ExtendWith(StudentAnswer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ExerciseGrader {}
