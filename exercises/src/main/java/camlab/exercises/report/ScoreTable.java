package camlab.exercises.report;

import java.util.ArrayList;
import java.util.List;

import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;

/** The score table printed at the end of {@code ./mvnw test}, as plain text and as Markdown. */
public final class ScoreTable {
  private static final int MESSAGE_WIDTH = 72;

  private ScoreTable() {}

  public static String text(GradeReport report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"id", "exercise", "status", "points", "message"});
    for (Verdict v : report.verdicts()) {
      rows.add(new String[] {v.exercise().id(), v.exercise().title(), v.status().name(), VerdictFormat.score(v.points(), v.maxPoints()),
          clip(v.message())});
    }
    rows.add(new String[] {"TOTAL", "", "", VerdictFormat.score(report.points(), report.maxPoints()), counts(report)});
    int[] width = new int[5];
    for (String[] r : rows) for (int c = 0; c < 5; c++) width[c] = Math.max(width[c], r[c].length());
    StringBuilder sb = new StringBuilder("CamLab score — answers from ").append(report.source()).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      if (i == 1 || i == rows.size() - 1) sb.append(rule(width)).append('\n');
      String[] r = rows.get(i);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < 5; c++) {
        line.append(c == 3 ? pad(r[c], width[c], true) : pad(r[c], width[c], false));
        if (c < 4) line.append("  ");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    if (report.hiddenPoints() > 0) sb.append(hiddenNote(report)).append('\n');
    return sb.toString();
  }

  /** Where the visible tests are all that ran: what is left to the instructor. */
  static String hiddenNote(GradeReport report) {
    return "(visible tests only: hidden tests worth " + VerdictFormat.points(report.hiddenPoints())
        + " more points are graded by your instructor)";
  }

  public static String markdown(GradeReport report) {
    StringBuilder sb = new StringBuilder("# CamLab score\n\nAnswers from ").append(report.source()).append(".\n\n");
    if (!report.protection().isEmpty()) sb.append("Cells were graded behind ").append(report.protection()).append(".\n\n");
    sb.append("| id | exercise | status | points | message |\n|---|---|---|---:|---|\n");
    for (Verdict v : report.verdicts()) {
      sb.append("| ").append(v.exercise().id()).append(" | ").append(cell(v.exercise().title())).append(" | ")
          .append(v.status()).append(" | ").append(VerdictFormat.score(v.points(), v.maxPoints())).append(" | ")
          .append(cell(v.message())).append(" |\n");
    }
    sb.append("| **TOTAL** | | | **").append(VerdictFormat.score(report.points(), report.maxPoints())).append("** | ")
        .append(counts(report)).append(" |\n");
    if (report.hiddenPoints() > 0) sb.append('\n').append(hiddenNote(report)).append('\n');
    return sb.toString();
  }

  static String counts(GradeReport report) {
    return report.count(Status.PASS) + " PASS, " + report.count(Status.FAIL) + " FAIL, " + report.count(Status.TODO) + " TODO";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String clip(String s) {
    return s.length() <= MESSAGE_WIDTH ? s : s.substring(0, MESSAGE_WIDTH - 1) + "…";
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  private static String rule(int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      sb.append("-".repeat(width[c]));
      if (c < width.length - 1) sb.append("  ");
    }
    return sb.toString();
  }
}
