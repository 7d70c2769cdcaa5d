package camlab.kernel.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Javadoc comment as readable plain text: HTML and inline tags resolved, block tags as short sections. */
final class JavadocText {
  private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s*([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}");
  private static final Pattern PRE = Pattern.compile("(?is)<pre>(.*?)</pre>");
  private static final Pattern BLOCK = Pattern.compile("(?m)^\\s*@(param|return|throws|exception|see|since|author|version|deprecated)\\b");

  private JavadocText() {}

  static String plain(String javadoc) {
    Matcher block = BLOCK.matcher(javadoc);
    String main = javadoc;
    String tags = "";
    if (block.find()) {
      main = javadoc.substring(0, block.start());
      tags = javadoc.substring(block.start());
    }
    StringBuilder out = new StringBuilder(html(inline(main)));
    List<String> sections = blockTags(tags);
    if (!sections.isEmpty()) out.append("\n\n").append(String.join("\n", sections));
    return out.toString().strip();
  }

  private static String inline(String text) {
    Matcher m = INLINE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String body = m.group(2).strip();
      String shown = body;
      if (m.group(1).startsWith("link")) {
        int space = body.indexOf(' ');
        shown = space > 0 ? body.substring(space + 1).strip() : body.replace('#', '.').replaceFirst("^\\.", "");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(shown));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * HTML as text: source line breaks inside a paragraph become spaces; {@code <p>}, {@code <br>} and list items start
   * new lines; {@code <pre>} blocks keep their lines.
   */
  static String html(String text) {
    StringBuilder out = new StringBuilder();
    Matcher pre = PRE.matcher(text);
    int at = 0;
    while (pre.find()) {
      out.append(flow(text.substring(at, pre.start())));
      out.append("\n").append(entities(pre.group(1).replaceAll("<[^>]+>", "")).stripTrailing()).append("\n");
      at = pre.end();
    }
    out.append(flow(text.substring(at)));
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static String flow(String html) {
    String t = html.replaceAll("\\s+", " ");
    t = t.replaceAll("(?i)\\s*<p\\s*/?>\\s*", "\n\n").replaceAll("(?i)\\s*<br\\s*/?>\\s*", "\n")
        .replaceAll("(?i)\\s*<li\\s*/?>\\s*", "\n • ").replaceAll("(?i)\\s*</?(ul|ol)>\\s*", "\n");
    return entities(t.replaceAll("<[^>]+>", ""));
  }

  private static String entities(String t) {
    return t.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&#64;", "@").replace("&amp;", "&");
  }

  /** "Parameters:", "Returns:", "Throws:" ... one line per tag. */
  private static List<String> blockTags(String tags) {
    List<String> lines = new ArrayList<>();
    if (tags.isBlank()) return lines;
    String last = null;
    for (String part : tags.split("(?m)(?=^\\s*@\\w)")) {
      String p = part.strip();
      if (!p.startsWith("@")) continue;
      int space = p.indexOf(' ');
      String tag = space < 0 ? p.substring(1) : p.substring(1, space);
      String rest = space < 0 ? "" : html(inline(p.substring(space + 1))).replace('\n', ' ');
      String title = switch (tag) {
        case "param" -> "Parameters:";
        case "return" -> "Returns:";
        case "throws", "exception" -> "Throws:";
        case "see" -> "See also:";
        case "deprecated" -> "Deprecated:";
        default -> null;
      };
      if (title == null) continue;
      if (!title.equals(last)) lines.add(title);
      last = title;
      if (tag.equals("param") || tag.equals("throws") || tag.equals("exception")) {
        int s = rest.indexOf(' ');
        rest = s < 0 ? rest : rest.substring(0, s) + " — " + rest.substring(s + 1).strip();
      }
      lines.add("  " + rest);
    }
    return lines;
  }
}
