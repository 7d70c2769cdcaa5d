package camlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --flag} options of one subcommand, checked against what it accepts. Every
 * mistake is refused with one line saying what was wrong: a stray argument, an unknown option, an option given
 * twice, a value that is missing (or is the next option), a number that is not one or is out of range.
 */
final class Args {
  private final Map<String, String> options = new LinkedHashMap<>();

  /**
   * @param valued options that take a value
   * @param flags options without a value
   */
  Args(String command, String[] argv, Set<String> valued, Set<String> flags) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        throw new UsageException("Unexpected argument '" + a + "' for '" + command + "': every argument is an option that starts with --"
            + (i > 0 && argv[i - 1].startsWith("--") ? " (" + argv[i - 1] + " takes no value)" : "") + ". ./camlab help lists them.");
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (options.containsKey(name)) {
        throw new UsageException("--" + name + " is given twice" + (valued.contains(name) ? " ('" + options.get(name) + "', then '"
            + (value != null ? value : i + 1 < argv.length ? argv[i + 1] : "") + "')" : "") + "; give it once.");
      }
      if (flags.contains(name) && value == null) {
        options.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= argv.length) throw new UsageException("--" + name + " needs a value.");
          if (argv[i + 1].startsWith("--")) {
            throw new UsageException("--" + name + " needs a value, but is followed by the option " + argv[i + 1] + ".");
          }
          value = argv[++i];
        }
        if (value.isBlank()) throw new UsageException("--" + name + " needs a value; got an empty one.");
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
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number; got '" + v + "'.");
    }
  }

  /** A whole number in {@code [min, max]}; {@code fallback} when the option is absent. */
  int getInt(String name, int fallback, int min, int max) {
    String v = options.get(name);
    if (v == null) return fallback;
    long value;
    try {
      value = Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + "; got '" + v + "'.");
    }
    if (value < min || value > max) {
      throw new UsageException("--" + name + " must be " + (max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max)
          + "; got " + v.strip() + ".");
    }
    return (int) value;
  }

  /** A whole number in {@code [min, max]} as a long; {@code fallback} when the option is absent. */
  long getLong(String name, long fallback, long min, long max) {
    String v = options.get(name);
    if (v == null) return fallback;
    long value;
    try {
      value = Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + "; got '" + v + "'.");
    }
    if (value < min || value > max) throw new UsageException("--" + name + " must be from " + min + " to " + max + "; got " + v.strip() + ".");
    return value;
  }

  /** A path option, or null when it is absent. */
  java.nio.file.Path getPath(String name) {
    String v = options.get(name);
    return v == null ? null : java.nio.file.Path.of(v);
  }

  /** Bad command-line input: printed as one line, exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
