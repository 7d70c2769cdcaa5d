package camlab.exercises.grading;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What a grading JVM reports back: one JSON object per line in a file (stdout belongs to the student's
 * code). Each line is flushed as it is written, so a JVM that is killed or exits mid-way still tells
 * which test was running.
 */
final class ChildEvents {
  private ChildEvents() {}

  /** Writes events; used in the grading JVM. */
  static final class Writer {
    private final BufferedWriter out;

    Writer(Path file) throws IOException {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void started(String test) {
      JsonObject e = event("started");
      e.addProperty("test", test);
      write(e);
    }

    void finished(TestOutcome outcome) {
      JsonObject e = event("finished");
      e.addProperty("test", outcome.test());
      e.addProperty("status", outcome.status().name());
      e.addProperty("message", outcome.message());
      write(e);
    }

    /** The cell called System.exit; {@code where} is e.g. " at cell line 4". */
    void exitCalled(String where) {
      JsonObject e = event("exit");
      e.addProperty("where", where);
      write(e);
    }

    /** Grading could not go on (the cell could not be loaded, the JVM ran out of memory, ...). */
    void fatal(String message) {
      JsonObject e = event("fatal");
      e.addProperty("message", message);
      write(e);
    }

    void done() {
      write(event("done"));
    }

    private static JsonObject event(String type) {
      JsonObject e = new JsonObject();
      e.addProperty("event", type);
      return e;
    }

    private synchronized void write(JsonObject e) {
      try {
        out.write(e.toString());
        out.write('\n');
        out.flush();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  /** Everything a grading JVM managed to report before it ended. */
  record Log(List<TestOutcome> outcomes, String running, boolean done, String exitWhere, String fatal) {
    static Log read(Path file) {
      List<TestOutcome> outcomes = new ArrayList<>();
      String running = null;
      boolean done = false;
      String exitWhere = null;
      String fatal = null;
      List<String> lines;
      try {
        lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : lines) {
        JsonObject e;
        try {
          e = JsonParser.parseString(line).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException partialLastLine) {
          continue;
        }
        switch (e.get("event").getAsString()) {
          case "started" -> running = e.get("test").getAsString();
          case "finished" -> {
            outcomes.add(new TestOutcome(e.get("test").getAsString(), Status.valueOf(e.get("status").getAsString()),
                e.get("message").getAsString()));
            running = null;
          }
          case "exit" -> exitWhere = e.get("where").getAsString();
          case "fatal" -> fatal = e.get("message").getAsString();
          case "done" -> done = true;
          default -> { }
        }
      }
      return new Log(outcomes, running, done, exitWhere, fatal);
    }
  }
}
