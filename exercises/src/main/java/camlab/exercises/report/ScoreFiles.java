package camlab.exercises.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import camlab.exercises.grading.Status;
import camlab.exercises.grading.Verdict;

/** Writes {@code score.json} (for tools and LMS upload) and {@code score.md} (for humans) into a directory. */
public final class ScoreFiles {
  private ScoreFiles() {}

  public static void write(GradeReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("score.json"), json(report), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("score.md"), ScoreTable.markdown(report), StandardCharsets.UTF_8);
  }

  /** Points to six decimals: a sum of thirds is 1, not 0.9999999999999999. */
  static double round(double points) {
    return Math.round(points * 1e6) / 1e6;
  }

  static String json(GradeReport report) {
    JsonObject root = new JsonObject();
    root.addProperty("source", report.source());
    if (!report.protection().isEmpty()) root.addProperty("protection", report.protection());
    root.addProperty("points", round(report.points()));
    root.addProperty("maxPoints", round(report.maxPoints()));
    root.addProperty("hiddenPoints", round(report.hiddenPoints()));
    for (Status s : Status.values()) root.addProperty(s.name().toLowerCase(java.util.Locale.ROOT), report.count(s));
    JsonArray exercises = new JsonArray();
    for (Verdict v : report.verdicts()) {
      JsonObject e = new JsonObject();
      e.addProperty("id", v.exercise().id());
      e.addProperty("title", v.exercise().title());
      e.addProperty("notebook", v.exercise().notebook());
      e.addProperty("status", v.status().name());
      e.addProperty("points", round(v.points()));
      e.addProperty("maxPoints", round(v.maxPoints()));
      e.addProperty("hiddenPoints", round(v.hiddenPoints()));
      e.addProperty("message", v.message());
      e.addProperty("details", v.details());
      e.addProperty("origin", v.origin());
      e.addProperty("seconds", v.elapsed().toMillis() / 1000.0);
      exercises.add(e);
    }
    root.add("exercises", exercises);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }
}
