package camlab.layerfixture.high;

import camlab.layerfixture.low.Low;

/** A higher layer using a lower one, as it may; with {@link Low#upward()} the two form a cycle. */
public final class High {
  private High() {}

  public static int uses() {
    return Low.plain();
  }
}
