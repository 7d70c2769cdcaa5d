package camlab.kernel.runtime;

import camlab.kernel.display.Renderers;
import camlab.kernel.extension.Extensions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.UUID;

/**
 * The notebook API, imported statically into every session ({@code import static camlab.kernel.runtime.Display.*}).
 * Same names and behaviour as IJava's, so notebooks stay portable:
 *
 * <pre>{@code
 * display(image);                          // show now, as the best MIME type (image/png here)
 * String id = display("starting");         // ... and remember where
 * updateDisplay(id, "done");               // replace that output in place
 * display(table, "text/html");             // choose the MIME type(s)
 * }</pre>
 *
 * Outside a kernel (plain Java, unit tests) displays are printed as text to {@code System.out}, and values are rendered
 * by the kernel's renderers plus those of the extensions on the class path.
 */
public final class Display {
  private static volatile Frontend frontend;
  private static volatile Renderer standalone;

  private Display() {}

  /** Called once by the kernel at startup; notebooks never need it. */
  public static void attach(Frontend kernel) {
    frontend = kernel;
  }

  /** True while a kernel cell runs, so displays reach the notebook. */
  public static boolean inNotebook() {
    Frontend f = frontend;
    return f != null && f.isAttached();
  }

  /**
   * The renderer that turns values into MIME bundles; register more types on it, e.g.
   * {@code renderer().createRegistration(MyType.class).preferring(MIMEType.TEXT_HTML).register((v, ctx) -> ...)}.
   */
  public static Renderer renderer() {
    Frontend f = frontend;
    if (f != null) return f.renderer();
    Renderer r = standalone;
    if (r == null) {
      synchronized (Display.class) {
        if (standalone == null) {
          Renderer fresh = Renderers.standard();
          Extensions.load(Display.class.getClassLoader(), System.err).registerRenderers(fresh);
          standalone = fresh;
        }
        r = standalone;
      }
    }
    return r;
  }

  /** {@code o} as a MIME bundle in its preferred types (a {@link DisplayData} is returned as is). */
  public static DisplayData render(Object o) {
    if (o == null) return new DisplayData("null");
    if (o instanceof DisplayData d) return d;
    return renderer().render(o);
  }

  /** {@code o} as a MIME bundle in the given types, e.g. {@code render(table, "text/html")}. */
  public static DisplayData render(Object o, String... as) {
    if (o == null || as.length == 0) return render(o);
    return renderer().renderAs(o, as);
  }

  /** Shows {@code o} now, below the running cell; returns the id to {@link #updateDisplay} it later. */
  public static String display(Object o) {
    return show(render(o));
  }

  /** Shows {@code o} in the given MIME types; returns the id to {@link #updateDisplay} it later. */
  public static String display(Object o, String... as) {
    return show(render(o, as));
  }

  /** Replaces the output shown with {@code id} by {@code o}. */
  public static void updateDisplay(String id, Object o) {
    update(id, render(o));
  }

  /** Replaces the output shown with {@code id} by {@code o} in the given MIME types. */
  public static void updateDisplay(String id, Object o, String... as) {
    update(id, render(o, as));
  }

  private static String show(DisplayData data) {
    String id = data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
    DisplayData withId = new DisplayData(data);
    withId.setDisplayId(id);
    Frontend f = frontend;
    flushStreams(); // keep printed text and displays in the order the code produced them
    if (f != null && f.isAttached()) {
      f.display(withId);
    } else {
      System.out.println(textOf(withId));
    }
    return id;
  }

  private static void update(String id, DisplayData data) {
    DisplayData withId = new DisplayData(data);
    withId.setDisplayId(id);
    Frontend f = frontend;
    flushStreams();
    if (f != null && f.isAttached()) {
      f.updateDisplay(withId);
    } else {
      System.out.println(textOf(withId));
    }
  }

  private static void flushStreams() {
    System.out.flush();
    System.err.flush();
    Frontend f = frontend;
    if (f != null) f.flushOutput();
  }

  private static String textOf(DisplayData data) {
    Object text = data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
    return text == null ? "" : text.toString();
  }
}
