package camlab.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/** What {@link Display} needs from the running kernel. */
public interface Frontend {

  Renderer renderer();

  /** True while the kernel serves a notebook, i.e. while display output reaches it. */
  boolean isAttached();

  /** Publishes {@code data} as a new output of the running cell (display_data). */
  void display(DisplayData data);

  /** Replaces the output that was displayed with {@code data}'s display id (update_display_data). */
  void updateDisplay(DisplayData data);

  /** Publishes what was printed so far, so a display that follows appears after it. */
  default void flushOutput() {}
}
