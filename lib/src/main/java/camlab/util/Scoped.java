package camlab.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps temporaries out of long-lived managers. PyTorch-engine operations put their result in the
 * manager of their first operand, so a chain of operations on a user's array would leave every
 * intermediate in the user's manager until it closes; inside {@link #compute} they go to a scratch
 * manager that is closed at the end, and only the result survives.
 */
public final class Scoped {
  private Scoped() {}

  /**
   * Runs {@code body} with {@code anchor} temporarily attached to a fresh sub-manager of its manager,
   * then attaches the result to {@code anchor}'s manager and frees everything else the body created
   * from {@code anchor} or in the scratch manager it receives.
   */
  public static NDArray compute(NDArray anchor, Function<NDManager, NDArray> body) {
    NDManager owner = anchor.getManager();
    try (NDManager scratch = owner.newSubManager()) {
      anchor.tempAttach(scratch);
      NDArray result = body.apply(scratch);
      result.attach(owner);
      return result;
    }
  }

  /** A value made inside {@link #result}: a record whose {@link #arrays()} survive the scope, the rest of it plain data. */
  public interface Result {
    /** The arrays to keep, attached to the anchor's manager when the scope closes. */
    List<NDArray> arrays();
  }

  /**
   * As {@link #compute}, for a body that makes several things: the arrays {@code body}'s result names survive in
   * {@code anchor}'s manager, everything else the body created is freed.
   */
  public static <R extends Result> R result(NDArray anchor, Function<NDManager, R> body) {
    NDManager owner = anchor.getManager();
    try (NDManager scratch = owner.newSubManager()) {
      anchor.tempAttach(scratch);
      R result = body.apply(scratch);
      for (NDArray array : result.arrays()) array.attach(owner);
      return result;
    }
  }
}
