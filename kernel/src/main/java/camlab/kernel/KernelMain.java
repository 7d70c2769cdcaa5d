package camlab.kernel;

import camlab.kernel.extension.Extensions;
import camlab.kernel.install.Distribution;
import camlab.kernel.install.KernelClassPath;
import camlab.kernel.install.KernelInstaller;
import camlab.kernel.output.OutputRouter;
import camlab.kernel.protocol.ConnectionFile;
import camlab.kernel.protocol.Sockets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar camlab-kernel.jar CONNECTION_FILE} runs the kernel (Jupyter does this);
 * {@code install} / {@code uninstall} manage its kernelspec. A distribution with its own jar (a course) calls
 * {@link #run(String[], Distribution)} from its {@code main}.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    run(args, plainDistribution());
  }

  /** The kernel on its own: {@code java -jar camlab-kernel.jar}, with whatever extensions its class path holds. */
  public static Distribution plainDistribution() {
    return new Distribution("java-jshell", "Java (JShell)", List.of(), KernelMain.class);
  }

  /** Runs the command in {@code args} for the kernel {@code distribution} describes. */
  public static void run(String[] args, Distribution distribution) throws Exception {
    String command = args.length == 0 ? "--help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "install" -> System.exit(KernelInstaller.install(rest, distribution, System.out, System.err));
      case "uninstall" -> System.exit(KernelInstaller.uninstall(rest, distribution, System.out, System.err));
      case "--version" -> System.out.println("camlab-kernel " + KernelInfo.load().kernelVersion());
      case "--warm-up" -> warmUp();
      case "--help", "-h", "help" -> System.out.println(usage(KernelInstaller.command(distribution)));
      default -> {
        if (command.startsWith("-")) {
          System.err.println("Unknown option " + command + ".\n\n" + usage(KernelInstaller.command(distribution)));
          System.exit(2);
        }
        serve(Path.of(command), distribution);
      }
    }
  }

  static String usage(String command) {
    String pad = " ".repeat(command.length());
    return "CamLab Java kernel for Jupyter.\n\nUsage:\n"
        + "  " + command + " install [--user | --prefix DIR] [--name NAME] [--display-name TEXT]\n"
        + "  " + pad + "         [--jvm-opt OPT]... [--cell-timeout DURATION] [--java PATH]\n"
        + "  " + command + " uninstall [--user | --prefix DIR] [--name NAME]\n"
        + "  " + command + " CONNECTION_FILE      (what Jupyter runs)\n"
        + "  " + command + " --version\n\n"
        + "See install --help for the options, and docs/kernel.md for everything else.";
  }

  /**
   * Serves one notebook: binds the sockets and answers kernel_info at once, starts Java (JShell, seconds) meanwhile,
   * then runs cells until a shutdown request.
   */
  private static void serve(Path connectionFile, Distribution distribution) throws InterruptedException {
    PrintStream log = System.err; // the Jupyter server's log; cells get their own streams
    ConnectionFile connection;
    try {
      connection = ConnectionFile.parse(Files.readString(connectionFile));
    } catch (IOException | IllegalArgumentException e) {
      log.println("Cannot read the Jupyter connection file " + connectionFile.toAbsolutePath() + ": " + e.getMessage()
          + "\nThe kernel is started by Jupyter with a connection file; to install it run: " + KernelInstaller.command(distribution)
          + " install");
      System.exit(2);
      return;
    }
    quietLogging();
    // charts and images are drawn off-screen; without this AWT looks for a display (kernel.json sets it too)
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    KernelClassPath.includeManifestClassPath();
    Extensions extensions = Extensions.load(ClassLoader.getSystemClassLoader(), log);
    KernelInfo info = KernelInfo.load().with(extensions);
    KernelSettings settings = KernelSettings.from(System.getenv());
    Sockets sockets = Sockets.bind(connection);
    OutputRouter router = new OutputRouter(new IOPubOutput(sockets.iopub()), settings.outputLimit());
    CompletableFuture<CamLabKernel> java = new CompletableFuture<>();
    KernelServer server = new KernelServer(sockets, info, java, router, log);
    server.start();
    ParentWatcher.exitWhenParentDies();
    ChildProcesses.endAllOnExit();
    try {
      CamLabKernel kernel = CamLabKernel.start(settings, extensions);
      kernel.attach(router);
      router.start();
      java.complete(kernel);
    } catch (RuntimeException | Error e) {
      log.println("CamLab kernel: Java (JShell) could not start: " + e);
      e.printStackTrace(log);
      java.completeExceptionally(e);
    }
    server.awaitShutdown();
    server.close();
    String unseen = router.waitingOutput();
    if (!unseen.isEmpty()) log.print("CamLab kernel: output printed after the last cell, which no cell showed:\n" + unseen);
    System.exit(0);
  }

  /** What the installer runs to record the class-data archive: a kernel start-up and one cell, no connection. */
  private static void warmUp() throws Exception {
    quietLogging();
    KernelClassPath.includeManifestClassPath();
    CamLabKernel kernel = CamLabKernel.start(KernelSettings.from(java.util.Map.of()), Extensions.load(ClassLoader.getSystemClassLoader(), System.err));
    kernel.warmUp();
    System.exit(0);
  }

  /** The base kernel logs every loop start at INFO; only warnings belong in the Jupyter server's log. */
  private static void quietLogging() {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (var h : root.getHandlers()) h.setLevel(Level.WARNING);
  }
}
