package camlab.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
}
