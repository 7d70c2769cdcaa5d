package camlab.exercises.graders;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A grader whose tests build NDArrays: each test gets a fresh manager, closed after it, so no test leaks into the next. */
public abstract class ArrayGrader {
  protected NDManager manager;

  @BeforeEach
  void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }
}
