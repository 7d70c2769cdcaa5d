package camlab.exercises.instructor;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import camlab.exercises.grading.Status;
import camlab.exercises.report.VerdictFormat;

/**
 * A student's feedback in Gradescope's autograder format ({@code results.json}: a score, and one entry per test with
 * its score, maximum, status and output), so that an LMS or Gradescope can take the grades as they are. An exercise
 * whose cell never ran (a compile error, the stub) is one entry; hidden tests carry their name and result only.
 */
final class GradescopeResults {
  private GradescopeResults() {}

  static String json(Feedback feedback) {
    JsonObject root = new JsonObject();
    root.addProperty("score", Feedback.round(feedback.report().points()));
    root.addProperty("output", "CamLab: " + VerdictFormat.score(feedback.report().points(), feedback.report().maxPoints()) + " points");
    JsonArray tests = new JsonArray();
    for (Feedback.ExerciseLine e : feedback.exercises()) {
      String exercise = e.verdict().exercise().id() + " " + e.verdict().exercise().title();
      if (e.tests().isEmpty()) {
        tests.add(test(exercise, e.verdict().points(), e.verdict().maxPoints(), e.verdict().status() == Status.PASS,
            (e.verdict().status() + " " + e.message() + (e.details().isEmpty() ? "" : "\n" + e.details())).strip()));
        continue;
      }
      for (Feedback.TestLine t : e.tests()) {
        tests.add(test(exercise + ": " + t.name() + (t.hidden() ? " (hidden)" : ""), t.points(), t.maxPoints(), t.status() == Status.PASS,
            String.join("\n", t.messages())));
      }
    }
    root.add("tests", tests);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static JsonObject test(String name, double score, double max, boolean passed, String output) {
    JsonObject t = new JsonObject();
    t.addProperty("name", name);
    t.addProperty("score", Feedback.round(score));
    t.addProperty("max_score", Feedback.round(max));
    t.addProperty("status", passed ? "passed" : "failed");
    t.addProperty("output", output);
    t.addProperty("visibility", "visible");
    return t;
  }
}
