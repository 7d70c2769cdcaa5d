package camlab.kernel.install;

import camlab.kernel.exec.Durations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The install/uninstall command line.
 *
 * @param prefix {@code --prefix DIR}, or null for a per-user install
 * @param cellTimeout {@code --cell-timeout}, as typed (validated), or null
 * @param java {@code --java PATH}, or null for the java running the installer
 * @param classDataArchive false with {@code --no-cds}: skip recording the class-data archive
 */
public record InstallOptions(Path prefix, String name, String displayName, List<String> jvmOpts, String cellTimeout,
                             Path java, boolean classDataArchive, boolean help) {
  /** A command-line mistake; the message says what was wrong. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** @param d gives the default name and display name */
  public static InstallOptions parse(String[] args, boolean forInstall, Distribution d) throws UsageException {
    Path prefix = null;
    String name = d.name();
    String displayName = d.displayName();
    List<String> jvmOpts = new ArrayList<>();
    String timeout = null;
    Path java = null;
    boolean cds = true;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--user" -> prefix = null;
        case "--prefix" -> prefix = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
        case "--name" -> name = value(args, ++i, a);
        case "--help", "-h" -> help = true;
        default -> {
          if (!forInstall) throw new UsageException("Unknown option " + a + " for uninstall (it takes --user, --prefix DIR, --name NAME).");
          switch (a) {
            case "--display-name" -> displayName = value(args, ++i, a);
            case "--jvm-opt" -> jvmOpts.add(value(args, ++i, a));
            case "--cell-timeout" -> timeout = value(args, ++i, a);
            case "--java" -> java = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
            case "--no-cds" -> cds = false;
            default -> throw new UsageException("Unknown option " + a + ".");
          }
        }
      }
    }
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new UsageException("--name " + name + ": a kernel name may only use letters, digits, '.', '_' and '-'.");
    }
    if (timeout != null) {
      try {
        Durations.parse(timeout);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--cell-timeout " + e.getMessage());
      }
    }
    for (String opt : jvmOpts) {
      if (!opt.startsWith("-")) throw new UsageException("--jvm-opt " + opt + ": JVM options start with '-', e.g. --jvm-opt -Xmx4g.");
    }
    return new InstallOptions(prefix, name, displayName, List.copyOf(jvmOpts), timeout, java, cds, help);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) throw new UsageException(option + " needs a value.");
    return args[i];
  }

  /** @param command how the user starts the kernel, e.g. {@code java -jar camlab-kernel.jar} */
  static String usage(String command, Distribution d) {
    return (command + """
         install [options]
          --user               install for this user (default): in $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter,
                               else ~/.local/share/jupyter (macOS: ~/Library/Jupyter, Windows: %APPDATA%\\jupyter)
          --prefix DIR         install into DIR/share/jupyter/kernels (a virtualenv or conda prefix)
          --name NAME          kernelspec name (default NAME)
          --display-name TEXT  name shown in Jupyter's kernel list (default "DISPLAY")
          --jvm-opt OPT        one more JVM option, repeatable, e.g. --jvm-opt -Xmx4g
          --cell-timeout T     stop cells that run longer than T, e.g. 10m (default: no limit)
          --java PATH          the java to run the kernel with (default: the one running this command)
          --no-cds             do not record a class-data archive (it makes the kernel start about a second
                               faster; reinstall after rebuilding the kernel to refresh it)

        """).replace("(default NAME)", "(default " + d.name() + ")").replace("\"DISPLAY\"", "\"" + d.displayName() + "\"")
        + command + " uninstall [--user | --prefix DIR] [--name NAME]";
  }
}
