package camlab.kernel;

import camlab.exercises.ExerciseCells;
import camlab.exercises.NotSolvedYet;
import camlab.kernel.display.Renderers;
import camlab.kernel.editing.Completion;
import camlab.kernel.editing.CompletenessCheck;
import camlab.kernel.editing.Inspection;
import camlab.kernel.eval.Ansi;
import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.CellInterrupted;
import camlab.kernel.eval.JavaEvaluator;
import camlab.kernel.eval.SourceOrigin;
import camlab.kernel.eval.UncaughtException;
import camlab.kernel.exec.Outcome;
import camlab.kernel.exec.ThreadStopper;
import camlab.kernel.exec.UserCodeRunner;
import camlab.kernel.magic.ClasspathMagic;
import camlab.kernel.magic.JarsMagic;
import camlab.kernel.magic.LoadMagic;
import camlab.kernel.magic.LsMagicMagic;
import camlab.kernel.magic.Magics;
import camlab.kernel.magic.MavenMagic;
import camlab.kernel.runtime.Display;
import camlab.kernel.runtime.Frontend;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The CamLab Jupyter kernel: Java cells run by JShell inside this JVM, next to the course library, DJL,
 * Tablesaw, XChart and the graders. Keeps IJava's notebook surface (display/render/updateDisplay, magics,
 * last-expression output) so notebooks stay portable.
 */
public final class CamLabKernel extends BaseKernel implements Frontend {
  /** Imported into every session: IJava's defaults plus the tensor types the course uses everywhere. */
  /** What the kernel adds to the notebook imports shared with the grader ({@code NotebookImports}). */
  static final List<String> KERNEL_IMPORTS = List.of("import static camlab.kernel.runtime.Display.*;", "import camlab.kernel.runtime.Progress;");
  /** Startup code other jars on the class path may contribute, one resource per jar. */
  static final String STARTUP_RESOURCE = "META-INF/camlab/kernel-startup.jsh";

  private final KernelInfo info;
  private final KernelSettings settings;
  private final JavaEvaluator evaluator;
  private final CellPipeline pipeline;
  private final Magics magics;
  private final SessionHistory history = new SessionHistory();
  private final Completion completion;
  private final Inspection inspection;
  private final CompletenessCheck completeness;
  private final CellStreams cellStreams;

  private CamLabKernel(KernelInfo info, KernelSettings settings, JavaEvaluator evaluator) {
    this.info = info;
    this.settings = settings;
    this.evaluator = evaluator;
    this.magics = new Magics(new ClasspathMagic(), new JarsMagic(), new LoadMagic(), new MavenMagic());
    magics.add(new LsMagicMagic(magics::all));
    this.pipeline = new CellPipeline(evaluator, magics, CamLabKernel::rememberExerciseCell);
    this.completion = new Completion(evaluator.analysis(), magics::names);
    this.inspection = new Inspection(evaluator.analysis());
    this.completeness = new CompletenessCheck(evaluator.analysis());
    this.cellStreams = CellStreams.of(getIO());
    Renderers.registerAll(getRenderer());
  }

  /**
   * Builds JShell and runs the startup code. Call it before the Jupyter connection starts its threads:
   * they inherit this thread's context class loader, which JShell sets to its snippet loader.
   */
  public static CamLabKernel start(KernelInfo info, KernelSettings settings) {
    JavaEvaluator evaluator = JavaEvaluator.start(KernelSettings.STOP_GRACE, ThreadStopper.jdk());
    CamLabKernel kernel = new CamLabKernel(info, settings, evaluator);
    Display.attach(kernel);
    camlab.kernel.runtime.LibraryProgress.install();
    kernel.runStartupCode();
    if (settings.problems() != null) System.err.println("CamLab kernel: " + settings.problems());
    return kernel;
  }

  private void runStartupCode() {
    // the same imports the grader compiles exercise cells with, so a cell that runs here compiles there
    List<String> imports = new ArrayList<>(camlab.exercises.NotebookImports.forKernel());
    imports.addAll(KERNEL_IMPORTS);
    for (String line : imports) runStartup(line, "kernel startup");
    try {
      for (URL script : Collections.list(ClassLoader.getSystemClassLoader().getResources(STARTUP_RESOURCE))) {
        try (InputStream in = script.openStream()) {
          runStartup(new String(in.readAllBytes(), StandardCharsets.UTF_8), script.toString());
        }
      }
    } catch (IOException e) {
      System.err.println("CamLab kernel: cannot read the startup scripts (" + STARTUP_RESOURCE + "): " + e);
    }
  }

  private void runStartup(String code, String label) {
    UserCodeRunner runner = evaluator.runner();
    runner.beginCell(null);
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
    getRenderer().render(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));
    complete("Math.ma", 7);
    isComplete("for (int i = 0; i < 3; i++) {");
  }


  private static void rememberExerciseCell(String source) {
    try {
      ExerciseCells.remember(source);
    } catch (RuntimeException | LinkageError e) {
      System.err.println("CamLab kernel: could not record the exercise cell: " + e);
    }
  }

  @Override
  public DisplayData eval(String code) throws Exception {
    int count = executionCount.get() - 1; // BaseKernel counts this request before calling eval
    history.record(count, code);
    if (getIO().isAttached()) cellStreams.install(); // BaseKernel restores its own streams after the request
    UserCodeRunner runner = evaluator.runner();
    runner.beginCell(settings.cellTimeout());
    try {
      Optional<Object> value = pipeline.run(code, SourceOrigin.cell(count));
      if (value.isEmpty()) return null;
      DisplayData shown = renderResult(value.get());
      Object text = shown.getData(MIMEType.TEXT_PLAIN);
      if (text != null) history.recordOutput(count, text.toString());
      return shown;
    } catch (UncaughtException e) {
      NotSolvedYet stub = NotSolvedYet.findIn(e.thrown());
      if (stub == null) throw e;
      display(notSolvedNote(stub.exerciseId(), code));
      return null;
    } catch (CellFailure e) {
      throw e;
    } catch (Throwable t) { // a kernel bug or a VM error outside user code: report it, keep the kernel alive
      throw new KernelError(t);
    } finally {
      // no System.out.flush() here: a stopped-but-running cell may hold that PrintStream's lock; the base
      // kernel flushes the notebook streams underneath when the request ends
      runner.endCell();
    }
  }

  /** Renders the cell's value on a cell thread: a slow or broken toString() must stay interruptible. */
  private DisplayData renderResult(Object value) throws CellFailure, InterruptedException {
    if (value instanceof DisplayData d) return d;
    Outcome outcome = evaluator.runner().run(() -> getRenderer().render(value));
    if (outcome instanceof Outcome.Returned r) return (DisplayData) r.value();
    if (outcome instanceof Outcome.Threw t) {
      System.err.println("Could not show the value as rich output (" + t.error() + "); showing its type instead.");
      return new DisplayData(value.getClass().getName());
    }
    String msg = "Interrupted while the value was being shown (its toString() or renderer did not finish).";
    throw new CellInterrupted(msg, List.of(Ansi.red(msg)));
  }

  static DisplayData notSolvedNote(String id, String code) {
    boolean ownCell = id.equals(ExerciseCells.exerciseIdOf(code));
    String todo = ownCell
        ? "replace the `throw new NotSolvedYet(...)` line in this cell with your solution, then run it again."
        : "solve it in its cell (marked `// EXERCISE " + id + "`), run that cell, then run this one again.";
    DisplayData note = new DisplayData("⏳ Exercise " + id + " is not solved yet — " + todo.replace("`", ""));
    note.putMarkdown("⏳ **Exercise " + id + " is not solved yet** — " + todo);
    return note;
  }

  @Override
  public List<String> formatError(Exception e) {
    if (e instanceof CellFailure f) return f.traceback();
    return super.formatError(e);
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    return completion.complete(code, at);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return inspection.inspect(code, at, extraDetail);
  }

  @Override
  public String isComplete(String code) {
    CompletenessCheck.Verdict v = completeness.check(code);
    return switch (v.status()) {
      case COMPLETE -> IS_COMPLETE_YES;
      case INVALID -> IS_COMPLETE_BAD;
      case INCOMPLETE -> v.indent();
    };
  }

  @Override
  public void interrupt() {
    evaluator.runner().interrupt();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    evaluator.runner().interrupt();
    ShutdownWatchdog.arm();
  }

  /** Closes JShell without ending the JVM (tests run several kernels' worth of code in one JVM). */
  void onShutdownForTests() {
    evaluator.close();
  }

  @Override
  public HistoryManager getHistoryManager() {
    return history;
  }

  @Override
  public void becomeHandlerForConnection(JupyterConnection connection) {
    super.becomeHandlerForConnection(connection);
    // the base kernel's history_reply has no "status" and sends entries as objects, not [session, line, input]
    connection.setHandler(MessageType.HISTORY_REQUEST, (env, message) -> {
      env.setBusyDeferIdle();
      env.reply(HistoryRequests.reply(HistoryRequests.answer(history, message.getContent())));
    });
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return info.languageInfo();
  }

  @Override
  public String getBanner() {
    return info.banner();
  }

  @Override
  public List<LanguageInfo.Help> getHelpLinks() {
    return info.helpLinks();
  }

  // Frontend: what Display and Progress use

  @Override
  public io.github.spencerpark.jupyter.kernel.display.Renderer renderer() {
    return getRenderer();
  }

  @Override
  public boolean isAttached() {
    return getIO().display.isAttached();
  }

  @Override
  public void updateDisplay(DisplayData data) {
    getIO().display.updateDisplay(data);
  }

  /** Something failed in the kernel itself rather than in the cell's code. */
  static final class KernelError extends CellFailure {
    private static final long serialVersionUID = 1L;

    KernelError(Throwable t) {
      super("Internal kernel error: " + t, lines(t));
    }

    private static List<String> lines(Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      List<String> lines = new ArrayList<>();
      lines.add(Ansi.red("Internal kernel error (not a mistake in your code): " + t));
      lines.add("The kernel keeps running. If this repeats, restart the kernel and report the trace below.");
      trace.toString().lines().skip(1).limit(25).forEach(lines::add);
      return lines;
    }
  }
}
