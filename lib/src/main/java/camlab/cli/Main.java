package camlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code camlab <command> [options]}: the command line behind the {@code ./camlab} script.
 * Exit codes: 0 success, 1 failure while running, 2 bad input (with a one-line message).
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
      COMMANDS.forEach((name, c) -> out.printf("  %-10s %s%n", name, c.summary()));
      return 0;
    }
    Command command = COMMANDS.get(argv[0]);
    if (command == null) {
      err.println("camlab: unknown command '" + argv[0] + "'. Commands: notebook, " + String.join(", ", COMMANDS.keySet()) + ".");
      return 2;
    }
    try {
      return command.run(Arrays.copyOfRange(argv, 1, argv.length));
    } catch (Args.UsageException | IllegalArgumentException | UnsupportedOperationException | java.io.IOException
        | ai.djl.MalformedModelException e) {
      // bad input: a file that cannot be read, a shape that does not fit, a method that does not apply
      err.println("camlab " + argv[0] + ": " + e.getMessage());
      return 2;
    } catch (camlab.data.DatasetException e) {
      err.println("camlab " + argv[0] + ": " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("camlab " + argv[0] + " failed: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }
}
