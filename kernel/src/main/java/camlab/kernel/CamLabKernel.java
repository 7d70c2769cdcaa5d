package camlab.kernel;

import camlab.kernel.display.Renderers;
import camlab.kernel.editing.Completion;
import camlab.kernel.editing.CompletenessCheck;
import camlab.kernel.editing.Inspection;
import camlab.kernel.editing.JavadocSources;
import camlab.kernel.eval.Ansi;
import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.CellInterrupted;
import camlab.kernel.eval.JavaEvaluator;
import camlab.kernel.eval.SourceOrigin;
import camlab.kernel.eval.UncaughtException;
import camlab.kernel.exec.Outcome;
import camlab.kernel.exec.ThreadStopper;
import camlab.kernel.exec.UserCodeRunner;
import camlab.kernel.extension.Extensions;
import camlab.kernel.magic.ClasspathMagic;
import camlab.kernel.magic.JarsMagic;
import camlab.kernel.magic.LoadMagic;
import camlab.kernel.magic.LsMagicMagic;
import camlab.kernel.magic.Magics;
import camlab.kernel.magic.MavenMagic;
import camlab.kernel.output.OutputRouter;
import camlab.kernel.runtime.Display;
import camlab.kernel.runtime.Frontend;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's Java side: cells run by JShell inside this JVM, next to everything on the kernel's class path, with
 * what the {@link Extensions} add. Keeps IJava's notebook surface (display/render/updateDisplay, magics,
 * last-expression output) so notebooks stay portable. {@link KernelServer} speaks the Jupyter protocol for it.
 */
public final class CamLabKernel implements Frontend {
  /**
   * What every kernel imports before the extensions' start-up code: the JDK packages a notebook uses most, and the
   * notebook API ({@code display}, {@code render}, {@code updateDisplay}).
   */
  public static final List<String> DEFAULT_IMPORTS = List.of(
      "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;", "import java.util.concurrent.*;",
      "import java.io.*;", "import java.math.*;", "import java.nio.file.*;", "import java.time.*;",
      "import static camlab.kernel.runtime.Display.*;");
  /** {@link #isComplete} answers: these two, or the indent of the next line. */
  static final String COMPLETE = "complete";
  static final String INVALID = "invalid";

  private final KernelSettings settings;
  private final Extensions extensions;
  private final JavaEvaluator evaluator;
  private final CellPipeline pipeline;
  private final Magics magics;
  private final SessionHistory history = new SessionHistory();
  private final Completion completion;
  private final Inspection inspection;
  private final CompletenessCheck completeness;
  private final Renderer renderer = Renderers.standard();
  private volatile OutputRouter output;
  private int testCount;

  private CamLabKernel(KernelSettings settings, Extensions extensions, JavaEvaluator evaluator) {
    this.settings = settings;
    this.extensions = extensions;
    this.evaluator = evaluator;
    extensions.registerRenderers(renderer);
    this.magics = new Magics(new ClasspathMagic(), new JarsMagic(), new LoadMagic(), new MavenMagic());
    magics.add(new LsMagicMagic(magics::all));
    this.pipeline = new CellPipeline(evaluator, magics, extensions::afterCell);
    this.completion = new Completion(evaluator.analysis(), magics::names, evaluator::notebookNames);
    this.inspection = new Inspection(evaluator.analysis());
    this.completeness = new CompletenessCheck(evaluator.analysis());
  }

  /** Builds JShell and runs the startup code (seconds: the Jupyter sockets are already answering meanwhile). */
  public static CamLabKernel start(KernelSettings settings, Extensions extensions) {
    JavaEvaluator evaluator = JavaEvaluator.start(KernelSettings.STOP_GRACE, ThreadStopper.jdk());
    JavadocSources.install(evaluator.analysis());
    CamLabKernel kernel = new CamLabKernel(settings, extensions, evaluator);
    Display.attach(kernel);
    kernel.runStartupCode();
    if (settings.problems() != null) System.err.println("CamLab kernel: " + settings.problems());
    return kernel;
  }

  /** From now on displays and output go to the notebook through {@code router}. */
  void attach(OutputRouter router) {
    this.output = router;
  }

  private void runStartupCode() {
    for (String line : DEFAULT_IMPORTS) runStartup(line, "the kernel's imports");
    for (Extensions.Startup s : extensions.startupCode()) runStartup(s.code(), "the extension " + s.extension());
  }

  private void runStartup(String code, String label) {
    UserCodeRunner runner = evaluator.runner();
    runner.beginCell(null, null);
    try {
      pipeline.run(code, SourceOrigin.startup(label));
    } catch (CellFailure f) {
      System.err.println("CamLab kernel: startup code from " + label + " failed:\n" + Ansi.strip(String.join("\n", f.traceback())));
    } finally {
      runner.endCell();
    }
  }

  /** Runs what a new kernel's first cells do (a cell, its display, completion), so an archive recording sees those classes. */
  void warmUp() throws Exception {
    eval("int warmUp = 1 + 1;\nwarmUp");
    renderer.render(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));
    complete("Math.ma", 7);
    isComplete("for (int i = 0; i < 3; i++) {");
  }

  /** Runs a cell outside a notebook (tests, warm-up), numbering cells 1, 2, ...; null when it shows nothing. */
  public DisplayData eval(String code) throws Exception {
    return execute(code, ++testCount, true, null);
  }

  /**
   * Runs one cell: magics and Java code in order. Returns the bundle of its value, or null when it has none.
   *
   * @param count the cell's execution count, for error messages ("line 3 of cell [5]") and history
   * @param onCellThread run on the cell thread before the cell's code (the output router's cell setup), or null
   * @throws CellFailure what the user should read about; anything else is wrapped as a {@link KernelError}
   */
  DisplayData execute(String code, int count, boolean storeHistory, Runnable onCellThread) throws CellFailure {
    if (storeHistory) history.record(count, code);
    UserCodeRunner runner = evaluator.runner();
    runner.beginCell(settings.cellTimeout(), onCellThread);
    try {
      Optional<Object> value = pipeline.run(code, SourceOrigin.cell(count));
      if (value.isEmpty()) return null;
      DisplayData shown = renderResult(value.get());
      Object text = shown.getData(MIMEType.TEXT_PLAIN);
      if (text != null && storeHistory) history.recordOutput(count, text.toString());
      return shown;
    } catch (UncaughtException e) {
      Optional<DisplayData> instead = extensions.renderException(e.thrown(), code);
      if (instead.isEmpty()) throw e;
      display(instead.get());
      return null;
    } catch (CellFailure e) {
      throw e;
    } catch (Throwable t) { // a kernel bug or a VM error outside user code: report it, keep the kernel alive
      throw new KernelError(t);
    } finally {
      runner.endCell();
    }
  }

  /**
   * execute_request's user_expressions: each expression's value as a bundle, or its error. They run after the cell,
   * in its context; one that fails does not fail the cell.
   */
  JsonObject userExpressions(JsonObject expressions) {
    JsonObject out = new JsonObject();
    if (expressions == null) return out;
    for (Map.Entry<String, com.google.gson.JsonElement> e : expressions.entrySet()) {
      JsonObject value = new JsonObject();
      try {
        UserCodeRunner runner = evaluator.runner();
        runner.beginCell(settings.cellTimeout(), null);
        try {
          Optional<Object> v = evaluator.run(e.getValue().getAsString(), SourceOrigin.startup("user expression " + e.getKey()), 1);
          DisplayData shown = v.isPresent() ? renderResult(v.get()) : new DisplayData("");
          value = KernelServer.displayContent(shown);
          value.addProperty("status", "ok");
        } finally {
          runner.endCell();
        }
      } catch (Exception failure) {
        value.addProperty("status", "error");
        value.addProperty("ename", failure.getClass().getSimpleName());
        value.addProperty("evalue", String.valueOf(failure.getMessage()));
        JsonArray lines = new JsonArray();
        formatError(failure).forEach(lines::add);
        value.add("traceback", lines);
      }
      out.add(e.getKey(), value);
    }
    return out;
  }

  /** Renders the cell's value on a cell thread: a slow or broken toString() must stay interruptible. */
  private DisplayData renderResult(Object value) throws CellFailure, InterruptedException {
    if (value instanceof DisplayData d) return d;
    Outcome outcome = evaluator.runner().run(() -> renderer.render(value));
    if (outcome instanceof Outcome.Returned r) return (DisplayData) r.value();
    if (outcome instanceof Outcome.Threw t) {
      System.err.println("Could not show the value as rich output (" + t.error() + "); showing its type instead.");
      return new DisplayData(value.getClass().getName());
    }
    String msg = "Interrupted while the value was being shown (its toString() or renderer did not finish).";
    throw new CellInterrupted(msg, List.of(Ansi.red(msg)));
  }

  /** The lines shown under a failed cell. */
  List<String> formatError(Exception e) {
    if (e instanceof CellFailure f) return f.traceback();
    return plainTraceback(e);
  }

  /** A stack trace as traceback lines, for failures that are not the cell's (they should not happen). */
  static List<String> plainTraceback(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString().lines().toList();
  }

  Completion.Options complete(String code, int at) {
    return completion.complete(code, at);
  }

  DisplayData inspect(String code, int at, boolean extraDetail) {
    return inspection.inspect(code, at, extraDetail);
  }

  /** {@link #COMPLETE}, {@link #INVALID}, or the indent to continue an incomplete cell with. */
  String isComplete(String code) {
    CompletenessCheck.Verdict v = completeness.check(code);
    return switch (v.status()) {
      case COMPLETE -> COMPLETE;
      case INVALID -> INVALID;
      case INCOMPLETE -> v.indent();
    };
  }

  void interrupt() {
    evaluator.runner().interrupt();
  }

  void onShutdown() {
    evaluator.runner().interrupt();
  }

  /** Closes JShell without ending the JVM (tests run several kernels' worth of code in one JVM). */
  public void onShutdownForTests() {
    evaluator.close();
  }

  SessionHistory history() {
    return history;
  }

  /** The class loader of cell code (JShell's snippet loader). */
  ClassLoader userLoader() {
    return evaluator.runner().userLoader();
  }

  // Frontend: what Display uses

  @Override
  public Renderer renderer() {
    return renderer;
  }

  @Override
  public boolean isAttached() {
    return output != null;
  }

  @Override
  public void display(DisplayData data) {
    OutputRouter o = output;
    if (o != null) {
      o.display(data);
    } else {
      Object text = data.getData(MIMEType.TEXT_PLAIN);
      System.out.println(text == null ? "" : text);
    }
  }

  @Override
  public void updateDisplay(DisplayData data) {
    OutputRouter o = output;
    if (o != null) o.updateDisplay(data);
  }

  @Override
  public void flushOutput() {
    OutputRouter o = output;
    if (o != null) o.flush();
  }

  /** Something failed in the kernel itself rather than in the cell's code. */
  static final class KernelError extends CellFailure {
    private static final long serialVersionUID = 1L;

    KernelError(Throwable t) {
      super("Internal kernel error: " + t, lines(t));
    }

    private static List<String> lines(Throwable t) {
      List<String> lines = new ArrayList<>();
      lines.add(Ansi.red("Internal kernel error (not a mistake in your code): " + t));
      lines.add("The kernel keeps running. If this repeats, restart the kernel and report the trace below.");
      plainTraceback(t).stream().skip(1).limit(25).forEach(lines::add);
      return lines;
    }
  }
}
