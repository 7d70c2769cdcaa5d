package camlab.layerfixture.low;

import camlab.layerfixture.high.High;

/** A lower layer that uses a higher one: what {@code LayersTest} must refuse. */
public final class Low {
  private Low() {}

  public static int upward() {
    return High.uses();
  }

  public static int plain() {
    return 1;
  }
}
