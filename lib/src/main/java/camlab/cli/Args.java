package camlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of one subcommand, checked against what it accepts. */
final class Args {
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  /**
   * @param valued options that take a value
   * @param flags options without a value
   */
  Args(String command, String[] argv, Set<String> valued, Set<String> flags) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        positional.add(a);
        continue;
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name) && value == null) {
        options.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= argv.length) throw new UsageException("--" + name + " needs a value.");
          value = argv[++i];
        }
        options.put(name, value);
      } else {
        List<String> known = new ArrayList<>();
        valued.stream().sorted().forEach(v -> known.add("--" + v + " VALUE"));
        flags.stream().sorted().forEach(f -> known.add("--" + f));
        throw new UsageException("Unknown option --" + name + " for '" + command + "'. It accepts: " + String.join(", ", known) + ".");
      }
    }
  }

  String get(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  String get(String name) {
    return options.get(name);
  }

  boolean has(String name) {
    return options.containsKey(name);
  }

  int getInt(String name, int fallback) {
    String v = options.get(name);
    if (v == null) return fallback;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number; got '" + v + "'.");
    }
  }

  List<String> positional() {
    return positional;
  }

  /** Bad command-line input: printed as one line, exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
