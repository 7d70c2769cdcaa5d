package camlab.kernel.magic.maven;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Maven version order (numbers by value, qualifiers before the release) and version ranges such as {@code [1.0,2.0)}. */
final class Versions {
  private Versions() {}

  static final Comparator<String> ORDER = Versions::compare;

  static boolean isRange(String spec) {
    return spec.startsWith("[") || spec.startsWith("(");
  }

  /** The highest of {@code available} that {@code spec} allows; a plain version allows only itself. */
  static Optional<String> pick(String spec, List<String> available) {
    if (!isRange(spec)) return available.contains(spec) ? Optional.of(spec) : Optional.empty();
    return available.stream().filter(v -> inRange(spec, v)).max(ORDER);
  }

  /** Whether {@code version} is in the range (one interval or several separated by commas between brackets). */
  static boolean inRange(String spec, String version) {
    for (String interval : intervals(spec)) {
      boolean lowInclusive = interval.startsWith("[");
      boolean highInclusive = interval.endsWith("]");
      String body = interval.substring(1, interval.length() - 1);
      int comma = body.indexOf(',');
      String low = comma < 0 ? body : body.substring(0, comma).strip();
      String high = comma < 0 ? body : body.substring(comma + 1).strip();
      boolean okLow = low.isEmpty() || (lowInclusive ? compare(version, low) >= 0 : compare(version, low) > 0);
      boolean okHigh = high.isEmpty() || (highInclusive ? compare(version, high) <= 0 : compare(version, high) < 0);
      if (okLow && okHigh) return true;
    }
    return false;
  }

  private static List<String> intervals(String spec) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '[' || c == '(') start = i;
      if ((c == ']' || c == ')') && start >= 0) {
        out.add(spec.substring(start, i + 1));
        start = -1;
      }
    }
    return out;
  }

  static int compare(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "";
      String q = i < y.length ? y[i] : "";
      int c = comparePart(p, q);
      if (c != 0) return c;
    }
    return 0;
  }

  /** Numbers by value; a missing part counts as 0 against a number and as the release against a qualifier. */
  private static int comparePart(String p, String q) {
    boolean pn = p.matches("\\d+");
    boolean qn = q.matches("\\d+");
    if (pn && qn) return new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
    if (p.isEmpty()) return qn ? (q.matches("0+") ? 0 : -1) : 1; // 1.0 > 1.0-beta
    if (q.isEmpty()) return -comparePart(q, p);
    if (pn) return 1; // 1.1 > 1-beta
    if (qn) return -1;
    return p.compareToIgnoreCase(q);
  }
}
