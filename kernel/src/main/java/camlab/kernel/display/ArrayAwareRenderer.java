package camlab.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.Map;

/**
 * The base kernel's renderer, with arrays shown as jshell shows them ({@link ArrayText}). Arrays have no class of
 * their own to register a renderer on (a {@code String[]} inherits from {@code Object} only), so they are caught here.
 */
final class ArrayAwareRenderer extends Renderer {
  @Override
  public DisplayData render(Object value, Map<String, Object> params) {
    if (value != null && value.getClass().isArray()) return new DisplayData(ArrayText.format(value));
    return super.render(value, params);
  }

  @Override
  public DisplayData renderAs(Object value, Map<String, Object> params, String... types) {
    if (value != null && value.getClass().isArray()) return new DisplayData(ArrayText.format(value));
    return super.renderAs(value, params, types);
  }
}
