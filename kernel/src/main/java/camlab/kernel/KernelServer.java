package camlab.kernel;

import camlab.kernel.editing.Completion;
import camlab.kernel.eval.Ansi;
import camlab.kernel.eval.CellFailure;
import camlab.kernel.eval.CellInterrupted;
import camlab.kernel.output.NotebookInput;
import camlab.kernel.output.OutputRouter;
import camlab.kernel.protocol.Channel;
import camlab.kernel.protocol.IOPub;
import camlab.kernel.protocol.InputRequests;
import camlab.kernel.protocol.JupyterMessage;
import camlab.kernel.protocol.MessageFactory;
import camlab.kernel.protocol.Sockets;
import camlab.kernel.protocol.Timestamps;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers the Jupyter messages (protocol 5.3): shell requests one after another on one thread, control requests
 * (interrupt, shutdown, kernel_info) on another, so they are answered while a cell runs.
 *
 * <p>Guarantees: the sockets are bound and kernel_info is answered before Java is ready; an execute_request waits
 * until it is. Every reply has a {@code status}. Each request is framed by busy and idle on IOPub, and a cell's output
 * is published before its idle. When a cell fails (or is interrupted) and its request asked {@code stop_on_error}, the
 * execute_requests already waiting are answered {@code aborted} without running, as ipykernel does.
 */
final class KernelServer {
  /** DisplayData's fields are the protocol's names ("data", "metadata", "transient"); null ones are left out. */
  private static final com.google.gson.Gson DISPLAY_JSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

  private final Sockets sockets;
  private final IOPub iopub;
  private final MessageFactory messages;
  private final KernelInfo info;
  private final CompletableFuture<CamLabKernel> kernel;
  private final OutputRouter router;
  private final InputRequests input;
  private final PrintStream log;
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private final Thread shellThread;
  private final Thread controlThread;
  private volatile boolean running = true;
  private volatile boolean interruptedWhileStarting;
  /**
   * The requests that were waiting when a cell failed whose request asked stop_on_error: taken off the socket at once
   * (what a client sends after it saw the failure is not among them), answered after the failed cell's idle.
   */
  private List<JupyterMessage> waitingAtFailure = List.of();
  private boolean contextLoaderSet;
  private int executionCount;

  KernelServer(Sockets sockets, KernelInfo info, CompletableFuture<CamLabKernel> kernel, OutputRouter router, PrintStream log) {
    this.sockets = sockets;
    this.iopub = sockets.iopub();
    this.messages = sockets.messages();
    this.info = info;
    this.kernel = kernel;
    this.router = router;
    this.input = new InputRequests(sockets.stdin(), messages);
    this.log = log;
    this.shellThread = new Thread(() -> serve(sockets.shell(), this::onShell), "camlab-shell");
    this.controlThread = new Thread(() -> serve(sockets.control(), this::onControl), "camlab-control");
  }

  /** Says "starting" on IOPub and begins answering requests. */
  void start() {
    iopub.status("starting", null);
    controlThread.start();
    shellThread.start();
  }

  /** Blocks until a shutdown_request came. */
  void awaitShutdown() throws InterruptedException {
    shutdown.await();
  }

  /** Stops both loops (a shell thread stuck in a cell is left alone) and closes the sockets. */
  void close() {
    running = false;
    join(controlThread);
    join(shellThread);
    sockets.close();
  }

  private void join(Thread t) {
    try {
      t.join(3L * 100 + 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface Handler {
    void handle(Channel channel, JupyterMessage request);
  }

  private void serve(Channel channel, Handler handler) {
    while (running && sockets.isOpen()) {
      JupyterMessage request;
      try {
        request = channel.receive();
      } catch (RuntimeException closed) {
        if (running) log.println("CamLab kernel: the " + channel.name() + " channel failed: " + closed);
        return;
      }
      if (request == null) continue;
      iopub.status("busy", request.header());
      try {
        handler.handle(channel, request);
      } catch (RuntimeException | LinkageError e) {
        log.println("CamLab kernel: could not answer " + request.type() + ": " + e);
        if (request.type().endsWith("_request")) channel.send(errorReply(request, e));
      } finally {
        iopub.status("idle", request.header());
      }
      if (!waitingAtFailure.isEmpty()) {
        List<JupyterMessage> waiting = waitingAtFailure;
        waitingAtFailure = List.of();
        abortExecutions(channel, waiting);
      }
    }
  }

  // --- shell

  private void onShell(Channel shell, JupyterMessage request) {
    switch (request.type()) {
      case "execute_request" -> execute(shell, request);
      case "kernel_info_request" -> shell.send(reply(request, kernelInfo()));
      case "complete_request" -> shell.send(reply(request, complete(request)));
      case "inspect_request" -> shell.send(reply(request, inspect(request)));
      case "is_complete_request" -> shell.send(reply(request, isComplete(request)));
      case "history_request" -> shell.send(reply(request, history(request)));
      case "comm_info_request" -> shell.send(reply(request, commInfo()));
      case "comm_open" -> closeComm(request);
      case "comm_msg", "comm_close" -> { } // no comm is ever opened, so there is nothing to receive
      case "shutdown_request" -> shutdown(shell, request);
      default -> unsupported(shell, request);
    }
  }

  private void execute(Channel shell, JupyterMessage request) {
    String code = request.contentText("code", "");
    boolean silent = request.contentFlag("silent", false);
    boolean store = request.contentFlag("store_history", true) && !silent;
    if (store) executionCount++;
    int count = executionCount;
    if (!silent) {
      JsonObject in = new JsonObject();
      in.addProperty("code", code);
      in.addProperty("execution_count", count);
      iopub.publish("execute_input", in, request.header());
    }
    JsonObject metadata = new JsonObject();
    metadata.addProperty("started", Timestamps.now());
    metadata.addProperty("dependencies_met", true);
    CamLabKernel k = null;
    try {
      k = readyKernel();
      OutputRouter.CellTag tag = router.beginCell(request.header(), count);
      System.setIn(new NotebookInput(request.contentFlag("allow_stdin", true) ? () -> askLine(request) : null));
      DisplayData result;
      JsonObject expressions;
      try {
        result = k.execute(code, count, store, OutputRouter.cellThreadSetup(tag));
        expressions = k.userExpressions(request.content().getAsJsonObject("user_expressions"));
      } finally {
        router.finishCell();
      }
      if (result != null && !silent) {
        JsonObject out = displayContent(result);
        out.addProperty("execution_count", count);
        iopub.publish("execute_result", out, request.header());
      }
      JsonObject ok = status("ok");
      ok.addProperty("execution_count", count);
      ok.add("user_expressions", expressions);
      ok.add("payload", new JsonArray());
      metadata.addProperty("status", "ok");
      shell.send(messages.reply(request, "execute_reply", ok, metadata));
    } catch (Exception e) {
      JsonObject error = errorContent(e, k);
      iopub.publish("error", error.deepCopy(), request.header());
      error.addProperty("status", "error");
      error.addProperty("execution_count", count);
      error.add("user_expressions", new JsonObject());
      error.add("payload", new JsonArray());
      metadata.addProperty("status", "error");
      shell.send(messages.reply(request, "execute_reply", error, metadata));
      if (request.contentFlag("stop_on_error", true)) waitingAtFailure = receiveWaiting(shell);
    }
  }

  /** The requests a client queued before now (still on the socket). */
  private static List<JupyterMessage> receiveWaiting(Channel shell) {
    List<JupyterMessage> waiting = new ArrayList<>();
    for (JupyterMessage m = shell.receiveWaiting(); m != null; m = shell.receiveWaiting()) waiting.add(m);
    return waiting;
  }

  /** Answers the execute_requests among {@code waiting} with "aborted" and the other requests as usual. */
  private void abortExecutions(Channel shell, List<JupyterMessage> waiting) {
    for (JupyterMessage m : waiting) {
      iopub.status("busy", m.header());
      try {
        if (m.type().equals("execute_request")) {
          JsonObject metadata = new JsonObject();
          metadata.addProperty("status", "aborted");
          shell.send(messages.reply(m, "execute_reply", status("aborted"), metadata));
        } else {
          onShell(shell, m);
        }
      } finally {
        iopub.status("idle", m.header());
      }
    }
  }

  private String askLine(JupyterMessage request) throws java.io.InterruptedIOException {
    router.flush(); // a prompt printed just before appears above the input box
    return input.ask(request, "", false);
  }

  /** Java, once it is ready (the first cell waits for JShell to start); an interrupt while waiting ends the wait. */
  private CamLabKernel readyKernel() throws CellFailure {
    while (true) {
      try {
        CamLabKernel k = kernel.get(100, TimeUnit.MILLISECONDS);
        if (!contextLoaderSet) {
          // code that looks up services through the context class loader must see what cells see
          Thread.currentThread().setContextClassLoader(k.userLoader());
          contextLoaderSet = true;
        }
        interruptedWhileStarting = false;
        return k;
      } catch (TimeoutException starting) {
        if (interruptedWhileStarting) {
          interruptedWhileStarting = false;
          String msg = "Interrupted before the cell ran: the kernel was still starting Java.";
          throw new CellInterrupted(msg, List.of(Ansi.red(msg)));
        }
      } catch (ExecutionException e) {
        throw new KernelNotStarted(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KernelNotStarted(e);
      }
    }
  }

  private JsonObject complete(JupyterMessage request) {
    String code = request.contentText("code", "");
    int cursor = request.contentInt("cursor_pos", code.codePointCount(0, code.length()));
    JsonObject content = status("ok");
    Completion.Options options;
    try {
      options = readyKernel().complete(code, cursor);
    } catch (CellFailure e) {
      options = new Completion.Options(List.of(), cursor, cursor, List.of());
    }
    JsonArray matches = new JsonArray();
    options.matches().forEach(matches::add);
    content.add("matches", matches);
    content.addProperty("cursor_start", options.start());
    content.addProperty("cursor_end", options.end());
    JsonObject metadata = new JsonObject();
    if (!options.types().isEmpty()) {
      JsonArray types = new JsonArray();
      for (int i = 0; i < options.matches().size(); i++) {
        JsonObject t = new JsonObject();
        t.addProperty("start", options.start());
        t.addProperty("end", options.end());
        t.addProperty("text", options.matches().get(i));
        t.addProperty("type", options.types().get(i));
        types.add(t);
      }
      metadata.add("_jupyter_types_experimental", types);
    }
    content.add("metadata", metadata);
    return content;
  }

  private JsonObject inspect(JupyterMessage request) {
    String code = request.contentText("code", "");
    int cursor = request.contentInt("cursor_pos", code.codePointCount(0, code.length()));
    DisplayData found = null;
    try {
      found = readyKernel().inspect(code, cursor, request.contentInt("detail_level", 0) > 0);
    } catch (CellFailure e) {
      // nothing to show while Java could not start
    }
    JsonObject content = status("ok");
    content.addProperty("found", found != null);
    JsonObject shown = found == null ? new JsonObject() : displayContent(found);
    content.add("data", shown.has("data") ? shown.get("data") : new JsonObject());
    content.add("metadata", shown.has("metadata") ? shown.get("metadata") : new JsonObject());
    return content;
  }

  private JsonObject isComplete(JupyterMessage request) {
    JsonObject content = new JsonObject();
    try {
      String verdict = readyKernel().isComplete(request.contentText("code", ""));
      switch (verdict) {
        case CamLabKernel.COMPLETE, CamLabKernel.INVALID -> content.addProperty("status", verdict);
        default -> {
          content.addProperty("status", "incomplete");
          content.addProperty("indent", verdict);
        }
      }
    } catch (CellFailure e) {
      content.addProperty("status", "unknown");
    }
    return content;
  }

  private JsonObject history(JupyterMessage request) {
    JsonObject content = status("ok");
    JsonArray entries = new JsonArray();
    if (kernel.isDone() && !kernel.isCompletedExceptionally()) {
      HistoryRequests.answer(kernel.join().history(), request.content()).forEach(entries::add);
    }
    content.add("history", entries);
    return content;
  }

  private JsonObject kernelInfo() {
    JsonObject content = status("ok");
    content.addProperty("protocol_version", MessageFactory.PROTOCOL_VERSION);
    content.addProperty("implementation", "camlab-kernel");
    content.addProperty("implementation_version", info.kernelVersion());
    content.add("language_info", info.languageInfo());
    content.addProperty("banner", info.banner());
    content.add("help_links", info.helpLinks());
    content.addProperty("debugger", false);
    return content;
  }

  private static JsonObject commInfo() {
    JsonObject content = status("ok");
    content.add("comms", new JsonObject());
    return content;
  }

  /** No comm targets are registered: a comm_open is answered with comm_close, as the protocol asks. */
  private void closeComm(JupyterMessage request) {
    JsonObject close = new JsonObject();
    close.addProperty("comm_id", request.contentText("comm_id", ""));
    close.add("data", new JsonObject());
    iopub.publish("comm_close", close, request.header());
  }

  // --- control

  private void onControl(Channel control, JupyterMessage request) {
    switch (request.type()) {
      case "interrupt_request" -> {
        interrupt();
        control.send(reply(request, status("ok")));
      }
      case "shutdown_request" -> shutdown(control, request);
      case "kernel_info_request" -> control.send(reply(request, kernelInfo()));
      default -> unsupported(control, request);
    }
  }

  private void interrupt() {
    if (kernel.isDone() && !kernel.isCompletedExceptionally()) {
      kernel.join().interrupt();
    } else {
      interruptedWhileStarting = true;
    }
  }

  private void shutdown(Channel channel, JupyterMessage request) {
    boolean restart = request.contentFlag("restart", false);
    JsonObject content = status("ok");
    content.addProperty("restart", restart);
    channel.send(reply(request, content));
    if (kernel.isDone() && !kernel.isCompletedExceptionally()) kernel.join().onShutdown();
    ShutdownWatchdog.arm();
    shutdown.countDown();
  }

  private void unsupported(Channel channel, JupyterMessage request) {
    if (!request.type().endsWith("_request")) {
      log.println("CamLab kernel: ignored a " + request.type() + " message on the " + channel.name() + " channel");
      return;
    }
    JsonObject content = status("error");
    content.addProperty("ename", "UnsupportedRequest");
    content.addProperty("evalue", "This kernel does not answer " + request.type() + ".");
    content.add("traceback", new JsonArray());
    channel.send(reply(request, content));
  }

  // --- content

  private JupyterMessage reply(JupyterMessage request, JsonObject content) {
    String type = request.type().replaceFirst("_request$", "_reply");
    return messages.reply(request, type, content, new JsonObject());
  }

  private JupyterMessage errorReply(JupyterMessage request, Throwable e) {
    JsonObject content = status("error");
    content.addProperty("ename", e.getClass().getSimpleName());
    content.addProperty("evalue", String.valueOf(e.getMessage()));
    content.add("traceback", new JsonArray());
    return reply(request, content);
  }

  private static JsonObject status(String status) {
    JsonObject o = new JsonObject();
    o.addProperty("status", status);
    return o;
  }

  private static JsonObject errorContent(Exception e, CamLabKernel k) {
    List<String> traceback = k != null ? k.formatError(e) : CamLabKernel.plainTraceback(e);
    JsonObject error = new JsonObject();
    error.addProperty("ename", e.getClass().getSimpleName());
    error.addProperty("evalue", e.getMessage() == null ? "" : e.getMessage());
    JsonArray lines = new JsonArray();
    traceback.forEach(lines::add);
    error.add("traceback", lines);
    return error;
  }

  /** {"data": {...}, "metadata": {...}} and, for a display, "transient": {"display_id": ...}. */
  static JsonObject displayContent(DisplayData data) {
    JsonElement tree = DISPLAY_JSON.toJsonTree(data);
    JsonObject o = tree.getAsJsonObject();
    if (!o.has("metadata")) o.add("metadata", new JsonObject());
    return o;
  }

  /** Java (JShell) could not be started, so no cell can run; the reason is the cause. */
  static final class KernelNotStarted extends CellFailure {
    private static final long serialVersionUID = 1L;

    KernelNotStarted(Throwable cause) {
      super("The kernel could not start Java (JShell): " + cause, List.of(Ansi.red("The kernel could not start Java (JShell): "
          + cause), "The kernel's log (the Jupyter server's output) has the details. Restart the kernel after fixing the cause."));
    }
  }
}
