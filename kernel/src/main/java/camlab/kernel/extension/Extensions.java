package camlab.kernel.extension;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The extensions a kernel runs with, in class-path order. Guarantees: an extension that cannot be loaded, or whose
 * method throws, is reported on the log once per failure and skipped; the kernel and the cell go on.
 */
public final class Extensions {
  /** Enough for any real class path; stops the loop should a broken provider keep failing. */
  private static final int MAX_LOAD_ERRORS = 50;

  private final List<Extension> all;
  private final PrintStream log;

  private Extensions(List<Extension> all, PrintStream log) {
    this.all = List.copyOf(all);
    this.log = log;
  }

  /** The extensions {@code loader} finds in {@code META-INF/services/camlab.kernel.extension.Extension}. */
  public static Extensions load(ClassLoader loader, PrintStream log) {
    List<Extension> found = new ArrayList<>();
    Iterator<Extension> providers = ServiceLoader.load(Extension.class, loader).iterator();
    for (int errors = 0; errors < MAX_LOAD_ERRORS;) {
      try {
        if (!providers.hasNext()) break;
        found.add(providers.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        errors++;
        log.println("CamLab kernel: an extension could not be loaded and is left out: " + e);
      }
    }
    return new Extensions(found, log);
  }

  /** Exactly {@code extensions} (tests, and kernels built by hand). */
  public static Extensions of(List<Extension> extensions, PrintStream log) {
    return new Extensions(extensions, log);
  }

  public static Extensions none() {
    return new Extensions(List.of(), System.err);
  }

  public List<Extension> all() {
    return all;
  }

  /** Each extension's start-up code, labelled with the extension's class for error messages. */
  public List<Startup> startupCode() {
    List<Startup> code = new ArrayList<>();
    for (Extension e : all) {
      for (String snippet : guarded(e, "startupCode", e::startupCode, List.<String>of())) code.add(new Startup(name(e), snippet));
    }
    return code;
  }

  /** One element of an extension's start-up code. */
  public record Startup(String extension, String code) {}

  public void registerRenderers(Renderer renderer) {
    for (Extension e : all) guarded(e, "registerRenderers", () -> {
      e.registerRenderers(renderer);
      return null;
    }, null);
  }

  /** The first extension's bundle for {@code thrown}, if any extension shows it instead of the error. */
  public Optional<DisplayData> renderException(Throwable thrown, String cellCode) {
    for (Extension e : all) {
      Optional<DisplayData> shown = guarded(e, "renderException", () -> e.renderException(thrown, cellCode), Optional.empty());
      if (shown != null && shown.isPresent()) return shown;
    }
    return Optional.empty();
  }

  public void afterCell(String cellCode) {
    for (Extension e : all) guarded(e, "afterCell", () -> {
      e.afterCell(cellCode);
      return null;
    }, null);
  }

  /** The extensions' banner lines, blank ones left out. */
  public List<String> bannerLines() {
    List<String> lines = new ArrayList<>();
    for (Extension e : all) {
      String line = guarded(e, "banner", e::banner, "");
      if (line != null && !line.isBlank()) lines.add(line.strip());
    }
    return lines;
  }

  public Map<String, String> helpLinks() {
    Map<String, String> links = new LinkedHashMap<>();
    for (Extension e : all) {
      Map<String, String> own = guarded(e, "helpLinks", e::helpLinks, Map.of());
      if (own != null) links.putAll(own);
    }
    return links;
  }

  private <T> T guarded(Extension e, String method, Supplier<T> call, T otherwise) {
    try {
      return call.get();
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      log.println("CamLab kernel: the extension " + name(e) + " failed in " + method + "(): " + failure);
      return otherwise;
    }
  }

  private static String name(Extension e) {
    return e.getClass().getName();
  }
}
