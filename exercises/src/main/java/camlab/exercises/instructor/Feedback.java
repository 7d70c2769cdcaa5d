package camlab.exercises.instructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import camlab.exercises.grading.GraderPlan;
import camlab.exercises.grading.Status;
import camlab.exercises.grading.TestOutcome;
import camlab.exercises.grading.Verdict;
import camlab.exercises.report.GradeReport;
import camlab.exercises.report.VerdictFormat;

/**
 * What a student is told about a grading run, per exercise: the verdict, the points, and each test with its points —
 * a visible test with its message, a hidden test with its name and whether it passed, nothing more (no message, no
 * output of the cell while it ran: either could show a hidden test's inputs). Rendered as HTML, Markdown and JSON.
 */
public final class Feedback {
  /** One test method's result, as the student sees it. */
  public record TestLine(String name, boolean hidden, Status status, double points, double maxPoints, List<String> messages) {}

  /** One exercise, as the student sees it. */
  public record ExerciseLine(Verdict verdict, String message, String details, List<TestLine> tests) {}

  private final String student;
  private final GradeReport report;
  private final List<ExerciseLine> exercises;

  private Feedback(String student, GradeReport report, List<ExerciseLine> exercises) {
    this.student = student;
    this.report = report;
    this.exercises = List.copyOf(exercises);
  }

  /** The feedback on {@code report}, the grading of {@code student}'s answers. */
  public static Feedback of(String student, GradeReport report) {
    List<ExerciseLine> lines = new ArrayList<>();
    for (Verdict v : report.verdicts()) lines.add(line(v));
    return new Feedback(student, report, lines);
  }

  public String student() {
    return student;
  }

  public GradeReport report() {
    return report;
  }

  public List<ExerciseLine> exercises() {
    return exercises;
  }

  private static ExerciseLine line(Verdict v) {
    GraderPlan plan = GraderPlan.of(v.exercise());
    Map<String, List<TestOutcome>> byItem = new LinkedHashMap<>();
    for (TestOutcome t : v.tests()) byItem.computeIfAbsent(t.item(), k -> new ArrayList<>()).add(t);
    List<TestLine> tests = new ArrayList<>();
    boolean hiddenRan = false;
    for (GraderPlan.Item item : plan.items()) {
      List<TestOutcome> outcomes = byItem.getOrDefault(item.key(), List.of());
      if (item.hidden() && outcomes.isEmpty() && v.hiddenPoints() > 0) continue; // not run here: the instructor grades it
      hiddenRan |= item.hidden() && !outcomes.isEmpty();
      Status status = outcomes.isEmpty() ? (v.status() == Status.TODO ? Status.TODO : Status.FAIL)
          : outcomes.stream().anyMatch(o -> o.status() == Status.FAIL) ? Status.FAIL
          : outcomes.stream().anyMatch(o -> o.status() == Status.TODO) ? Status.TODO : Status.PASS;
      if (v.status() == Status.TODO) status = Status.TODO;
      List<String> messages = item.hidden() ? List.of()
          : outcomes.stream().filter(o -> o.status() == Status.FAIL).map(TestOutcome::message).toList();
      double earned = v.status() == Status.TODO ? 0 : item.points() * passedShare(outcomes);
      tests.add(new TestLine(item.name(), item.hidden(), status, earned, item.points(), messages));
    }
    final String verdictMessage = v.message();
    String message = verdictMessage;
    // a test's failure is shown with its test below; the details stay for a compile error or a cell that was stopped
    boolean fromATest = v.tests().stream().anyMatch(t -> t.status() == Status.FAIL && t.message().startsWith(verdictMessage));
    String details = fromATest ? "" : v.details();
    if (hiddenRan && v.status() == Status.FAIL) {
      boolean fromHiddenTest = v.tests().stream().anyMatch(t -> t.status() == Status.FAIL && t.message().startsWith(verdictMessage)
          && plan.item(t.item()).map(GraderPlan.Item::hidden).orElse(false));
      List<String> visibleFailures = tests.stream().filter(t -> !t.hidden() && t.status() == Status.FAIL).flatMap(t -> t.messages().stream())
          .toList();
      if (fromHiddenTest) message = visibleFailures.isEmpty() ? "a hidden test failed" : visibleFailures.get(0);
      details = ""; // the details may hold a hidden test's message or what the cell printed while one ran
    }
    return new ExerciseLine(v, message, details, tests);
  }

  /** The share of a test method's tests that passed (a {@code @TestFactory}'s tests share its points equally). */
  private static double passedShare(List<TestOutcome> outcomes) {
    return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(o -> o.status() == Status.PASS).count() / outcomes.size();
  }

  public String markdown() {
    StringBuilder sb = new StringBuilder("# Feedback for ").append(student).append("\n\n");
    sb.append("Total: **").append(VerdictFormat.score(report.points(), report.maxPoints())).append("** — ")
        .append(report.count(Status.PASS)).append(" PASS, ").append(report.count(Status.FAIL)).append(" FAIL, ")
        .append(report.count(Status.TODO)).append(" TODO.\n");
    if (report.hiddenPoints() > 0) {
      sb.append("\nHidden tests worth ").append(VerdictFormat.points(report.hiddenPoints())).append(" more points are graded by your instructor.\n");
    }
    for (ExerciseLine e : exercises) {
      Verdict v = e.verdict();
      sb.append("\n## ").append(v.exercise().id()).append(' ').append(v.exercise().title()).append(" — ").append(v.status()).append(' ')
          .append(VerdictFormat.score(v.points(), v.maxPoints())).append("\n\n");
      if (!e.message().isEmpty()) sb.append(e.message()).append("\n\n");
      if (!e.details().isEmpty()) sb.append("```\n").append(e.details()).append("\n```\n\n");
      for (TestLine t : e.tests()) {
        sb.append("- ").append(t.status()).append(' ').append(VerdictFormat.score(t.points(), t.maxPoints())).append(" — ")
            .append(t.name()).append(t.hidden() ? " *(hidden)*" : "").append('\n');
        for (String m : t.messages()) sb.append("  - ").append(m.replace("\n", "\n    ")).append('\n');
      }
    }
    return sb.toString();
  }

  public String html() {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feedback for ")
        .append(escape(student)).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}")
        .append("h2{margin-top:2rem;border-bottom:1px solid #ddd}.PASS{color:#176b2c}.FAIL{color:#b3261e}.TODO{color:#7a5d00}")
        .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;")
        .append("vertical-align:top}td.pts{white-space:nowrap;text-align:right}pre{background:#f6f6f6;padding:.6rem;white-space:pre-wrap;overflow-wrap:anywhere}")
        .append(".hidden{color:#666;font-style:italic}</style></head>\n<body>\n<h1>Feedback for ").append(escape(student)).append("</h1>\n");
    sb.append("<p>Total: <strong>").append(VerdictFormat.score(report.points(), report.maxPoints())).append("</strong> — ")
        .append(report.count(Status.PASS)).append(" PASS, ").append(report.count(Status.FAIL)).append(" FAIL, ")
        .append(report.count(Status.TODO)).append(" TODO.</p>\n");
    if (report.hiddenPoints() > 0) {
      sb.append("<p>Hidden tests worth ").append(VerdictFormat.points(report.hiddenPoints())).append(" more points are graded by your instructor.</p>\n");
    }
    for (ExerciseLine e : exercises) {
      Verdict v = e.verdict();
      sb.append("<h2>").append(escape(v.exercise().id() + " " + v.exercise().title())).append(" — <span class=\"").append(v.status())
          .append("\">").append(v.status()).append("</span> ").append(VerdictFormat.score(v.points(), v.maxPoints())).append("</h2>\n");
      if (!e.message().isEmpty()) sb.append("<p>").append(escape(e.message())).append("</p>\n");
      if (!e.details().isEmpty()) sb.append("<pre>").append(escape(e.details())).append("</pre>\n");
      if (e.tests().isEmpty()) continue;
      sb.append("<table><tr><th>test</th><th>result</th><th>points</th></tr>\n");
      for (TestLine t : e.tests()) {
        sb.append("<tr><td").append(t.hidden() ? " class=\"hidden\"" : "").append('>').append(escape(t.name()))
            .append(t.hidden() ? " (hidden)" : "");
        for (String m : t.messages()) sb.append("<pre>").append(escape(m)).append("</pre>");
        sb.append("</td><td class=\"").append(t.status()).append("\">").append(t.status()).append("</td><td class=\"pts\">")
            .append(VerdictFormat.score(t.points(), t.maxPoints())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  public String json() {
    JsonObject root = new JsonObject();
    root.addProperty("student", student);
    root.addProperty("source", report.source());
    root.addProperty("points", round(report.points()));
    root.addProperty("maxPoints", round(report.maxPoints()));
    root.addProperty("hiddenPoints", round(report.hiddenPoints()));
    JsonArray list = new JsonArray();
    for (ExerciseLine e : exercises) {
      Verdict v = e.verdict();
      JsonObject o = new JsonObject();
      o.addProperty("id", v.exercise().id());
      o.addProperty("title", v.exercise().title());
      o.addProperty("status", v.status().name());
      o.addProperty("points", round(v.points()));
      o.addProperty("maxPoints", round(v.maxPoints()));
      o.addProperty("message", e.message());
      o.addProperty("details", e.details());
      JsonArray tests = new JsonArray();
      for (TestLine t : e.tests()) {
        JsonObject to = new JsonObject();
        to.addProperty("name", t.name());
        to.addProperty("hidden", t.hidden());
        to.addProperty("status", t.status().name());
        to.addProperty("points", round(t.points()));
        to.addProperty("maxPoints", round(t.maxPoints()));
        JsonArray messages = new JsonArray();
        t.messages().forEach(messages::add);
        to.add("messages", messages);
        tests.add(to);
      }
      o.add("tests", tests);
      list.add(o);
    }
    root.add("exercises", list);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  static double round(double points) {
    return Math.round(points * 1e6) / 1e6;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
