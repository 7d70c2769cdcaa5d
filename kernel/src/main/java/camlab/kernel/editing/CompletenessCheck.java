package camlab.kernel.editing;

import camlab.kernel.eval.SourceUnit;
import camlab.kernel.eval.SourceUnits;
import camlab.kernel.magic.CellPart;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/** Answers is_complete for console frontends: run on Enter, or continue with an indent? */
public final class CompletenessCheck {

  /** The reply: {@code indent} is set for INCOMPLETE only. */
  public record Verdict(Status status, String indent) {}

  public enum Status { COMPLETE, INCOMPLETE, INVALID }

  private static final String INDENT = "    ";

  private final SourceCodeAnalysis analysis;

  public CompletenessCheck(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  public Verdict check(String code) {
    List<CellPart> parts = CellPart.split(code);
    for (int i = 0; i < parts.size(); i++) {
      CellPart part = parts.get(i);
      if (part.magic()) continue;
      List<SourceUnit> units = SourceUnits.split(analysis, part.text());
      if (units.isEmpty()) continue;
      SourceUnit last = units.get(units.size() - 1);
      if (last.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN) return new Verdict(Status.INVALID, null);
      if (!last.isComplete()) {
        if (i < parts.size() - 1) return new Verdict(Status.INVALID, null); // unfinished code before a magic line
        return new Verdict(Status.INCOMPLETE, indentAfter(part.text()));
      }
    }
    return new Verdict(Status.COMPLETE, null);
  }

  /** The indent of the last line, one level deeper after an opening brace or parenthesis. */
  static String indentAfter(String code) {
    String[] lines = code.stripTrailing().split("\n");
    String last = lines[lines.length - 1];
    String indent = last.substring(0, last.length() - last.stripLeading().length());
    String trimmed = last.strip();
    boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith("->");
    return opens ? indent + INDENT : indent;
  }
}
