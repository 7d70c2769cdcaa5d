package camlab.kernel.extension;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a library or a course adds to the kernel: start-up code, renderers for its values and exceptions, and a hook
 * after every cell. The kernel finds extensions with {@link java.util.ServiceLoader}: a jar on the kernel's class path
 * names its implementation in {@code META-INF/services/camlab.kernel.extension.Extension}. Without any, the kernel is a
 * plain Java kernel.
 *
 * <p>Every method has a default that adds nothing. An extension's failure (an exception from any method) is reported on
 * the kernel's log and never fails a cell or the kernel's start. The constructor must be cheap: the kernel builds
 * extensions before it answers {@code kernel_info}.
 */
public interface Extension {

  /**
   * Java code the kernel runs once at start-up, after its own imports and before the first cell: each element is run
   * as one cell (imports, declarations, statements). A failing element is reported on the kernel's log; the rest run.
   */
  default List<String> startupCode() {
    return List.of();
  }

  /** Registers how this extension's types are shown, e.g. {@code renderer.createRegistration(MyType.class)...}. */
  default void registerRenderers(Renderer renderer) {}

  /**
   * What to show in place of the error when cell code threw {@code thrown}, or empty to report the error as usual. A
   * bundle shown here ends the cell normally, so a notebook run goes on.
   *
   * @param thrown what the cell's code threw (its causes included)
   * @param cellCode the code of the cell that ran
   */
  default Optional<DisplayData> renderException(Throwable thrown, String cellCode) {
    return Optional.empty();
  }

  /**
   * Called after each cell ran, whether it succeeded or failed, and after each code cell of a notebook run by
   * {@code %load}. The next request waits for it, so it should be quick.
   *
   * @param cellCode the cell's code, as the notebook sent it
   */
  default void afterCell(String cellCode) {}

  /** A line for {@code kernel_info}'s banner, e.g. the libraries this extension brings and their versions; empty: none. */
  default String banner() {
    return "";
  }

  /** Links for {@code kernel_info}'s help menu: text to URL, in order. */
  default Map<String, String> helpLinks() {
    return Map.of();
  }
}
