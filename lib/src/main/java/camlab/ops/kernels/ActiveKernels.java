package camlab.ops.kernels;

import java.util.Objects;

/** Which {@link MapKernels} the library uses: the process-wide fast path, made on first use, unless a scope chose others. */
final class ActiveKernels {
  /** The default context: its constants (a few kB per device) live as long as the process. */
  private static final class Default {
    static final FastKernels INSTANCE = new FastKernels();
  }

  private static volatile MapKernels chosen;

  private ActiveKernels() {}

  static MapKernels get() {
    MapKernels k = chosen;
    return k != null ? k : Default.INSTANCE;
  }

  static MapKernels.Scope use(MapKernels kernels) {
    Objects.requireNonNull(kernels, "kernels");
    MapKernels previous = chosen;
    chosen = kernels;
    return () -> chosen = previous;
  }
}
