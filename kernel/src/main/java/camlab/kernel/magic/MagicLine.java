package camlab.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One magic line: {@code %name arg1 "arg 2"}. Arguments are split at spaces; double or single quotes keep
 * spaces, and a backslash outside single quotes takes the next character literally.
 */
public record MagicLine(String name, List<String> args, boolean cellMagic) {
  private static final Pattern MAGIC = Pattern.compile("^%%?[A-Za-z_].*");

  /** True for a line that starts with {@code %} in its first column followed by a letter. */
  public static boolean isMagic(String line) {
    return MAGIC.matcher(line).matches();
  }

  public static MagicLine parse(String line) throws MagicError {
    boolean cell = line.startsWith("%%");
    String body = line.substring(cell ? 2 : 1).strip();
    int space = 0;
    while (space < body.length() && !Character.isWhitespace(body.charAt(space))) space++;
    return new MagicLine(body.substring(0, space), split(body.substring(space)), cell);
  }

  static List<String> split(String text) throws MagicError {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inArg = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          current.append(text.charAt(++i));
        } else {
          current.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inArg) args.add(current.toString());
        current.setLength(0);
        inArg = false;
      } else {
        inArg = true;
        if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '\\' && i + 1 < text.length()) {
          current.append(text.charAt(++i));
        } else {
          current.append(c);
        }
      }
    }
    if (quote != 0) throw new MagicError("Unclosed " + quote + " quote in the magic's arguments: close it or remove it.");
    if (inArg) args.add(current.toString());
    return args;
  }
}
