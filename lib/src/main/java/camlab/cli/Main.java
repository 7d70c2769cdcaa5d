package camlab.cli;

import camlab.util.AtomicFile;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code camlab <command> [options]}: the command line behind the {@code ./camlab} script.
 * Exit codes: 0 success, 1 failure while running (a disk that fills up, a cache that cannot be used, too little
 * memory, a dataset problem), 2 bad input; both with a one-line message. A stack trace is printed only for a
 * failure nobody foresaw, which is a bug.
 */
public final class Main {
  /** One subcommand. */
  interface Command {
    String summary();

    int run(String[] args) throws Exception;
  }

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("data", new DataCommand());
    COMMANDS.put("demo", new DemoCommand());
    COMMANDS.put("explain", new ExplainCommand());
    COMMANDS.put("train", new TrainCommand());
    COMMANDS.put("eval", new EvalCommand());
    COMMANDS.put("bench", new BenchCommand());
  }

  private Main() {}

  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err));
  }

  static int run(String[] argv, PrintStream out, PrintStream err) {
    if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
      out.println("usage: ./camlab <command> [options]\n\ncommands:");
      out.println("  notebook   build, install the camlab-java kernel and open the course in Jupyter (script only)");
      out.println("  hub-setup  prepare this machine to serve the course to a class with JupyterHub (script only)");
      COMMANDS.forEach((name, c) -> out.printf("  %-10s %s%n", name, c.summary()));
      return 0;
    }
    Command command = COMMANDS.get(argv[0]);
    if (command == null) {
      err.println("camlab: unknown command '" + argv[0] + "'. Commands: notebook, hub-setup, " + String.join(", ", COMMANDS.keySet()) + ".");
      return 2;
    }
    return run(argv[0], command, Arrays.copyOfRange(argv, 1, argv.length), err);
  }

  /** Runs one command, turning what can go wrong into one line on {@code err} and an exit code. */
  static int run(String name, Command command, String[] args, PrintStream err) {
    try {
      return command.run(args);
    } catch (AtomicFile.WriteFailedException | camlab.data.DatasetException | camlab.zoo.CacheException e) {
      // the input was fine; the machine was not (a full disk, a missing dataset, a cache that cannot be written)
      err.println("camlab " + name + ": " + e.getMessage());
      return 1;
    } catch (Args.UsageException | IllegalArgumentException | UnsupportedOperationException | java.io.IOException
        | ai.djl.MalformedModelException e) {
      // bad input: a file that cannot be read, a shape that does not fit, a method that does not apply
      err.println("camlab " + name + ": " + e.getMessage());
      return 2;
    } catch (OutOfMemoryError e) {
      err.println("camlab " + name + ": ran out of memory (" + e.getMessage() + "). Give the JVM more with CAMLAB_XMX=6g (the default is 3g),"
          + " or pass fewer or smaller images at a time.");
      return 1;
    } catch (ai.djl.engine.EngineException e) {
      if (!String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("memory")) return unexpected(name, e, err);
      err.println("camlab " + name + ": the engine ran out of memory (" + e.getMessage().lines().findFirst().orElse("") + ")."
          + " Pass fewer or smaller images at a time.");
      return 1;
    } catch (Exception e) {
      return unexpected(name, e, err);
    }
  }

  private static int unexpected(String name, Exception e, PrintStream err) {
    err.println("camlab " + name + " failed: " + e);
    e.printStackTrace(err);
    return 1;
  }
}
