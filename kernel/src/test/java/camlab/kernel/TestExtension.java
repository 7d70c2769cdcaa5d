package camlab.kernel;

import camlab.kernel.extension.Extension;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An extension with one of everything, for the kernel's tests (also listed in src/test/resources/META-INF/services). */
public class TestExtension implements Extension {
  private final List<String> cells = Collections.synchronizedList(new ArrayList<>());

  /** A value type this extension renders. */
  public record Badge(int n) {}

  /** An exception this extension shows as a note instead of an error. */
  public static final class Later extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Later(String what) {
      super(what);
    }
  }

  /** An extension whose hook always fails. */
  static final class Broken implements Extension {
    @Override
    public void afterCell(String cellCode) {
      throw new IllegalStateException("broken on purpose");
    }
  }

  @Override
  public List<String> startupCode() {
    return List.of("String startupScriptRan = List.of(\"yes\").get(0);", "int failing = notDefined;", "String laterStartup = \"after the failing one\";");
  }

  @Override
  public void registerRenderers(Renderer renderer) {
    renderer.createRegistration(Badge.class).preferring(MIMEType.TEXT_HTML)
        .register((badge, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + badge.n() + "</b>"));
  }

  @Override
  public Optional<DisplayData> renderException(Throwable thrown, String cellCode) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof Later later) return Optional.of(new DisplayData("later: " + later.getMessage()));
    }
    return Optional.empty();
  }

  @Override
  public void afterCell(String cellCode) {
    cells.add(cellCode);
  }

  @Override
  public String banner() {
    return "Test extension 1.0";
  }

  @Override
  public Map<String, String> helpLinks() {
    return Map.of("Test docs", "https://example.org/docs");
  }

  List<String> cells() {
    return List.copyOf(cells);
  }

  String lastCell() {
    return cells.get(cells.size() - 1);
  }
}
