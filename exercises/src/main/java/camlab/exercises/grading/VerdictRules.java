package camlab.exercises.grading;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import camlab.exercises.Exercise;

/** Turns how a grading JVM ended, and what it reported, into a verdict and a message that says what happened. */
final class VerdictRules {
  private static final int OUTPUT_EXCERPT_LINES = 15;

  private VerdictRules() {}

  static Verdict decide(Exercise exercise, String origin, GradeSettings settings, ChildJvm.Result jvm, ChildEvents.Log log) {
    String in = log.running() == null ? "" : " in test '" + log.running() + "'";
    String excerpt = outputExcerpt(jvm);
    if (jvm.outputExceeded()) {
      return fail(exercise, origin, "printed more than " + size(settings.outputLimitKb()) + in
          + " — remove the debug printing from the cell", excerpt);
    }
    if (jvm.timedOut()) {
      return fail(exercise, origin, "timed out after " + seconds(settings.timeout()) + in
          + " — an endless loop, or a much slower computation than needed?", excerpt);
    }
    if (jvm.memoryExceeded()) {
      return fail(exercise, origin, "used more than " + settings.memoryMb() + " MB of memory" + in
          + " and was stopped — does the cell keep allocating (NDArrays, arrays, lists)?", excerpt);
    }
    if (log.exitWhere() != null) {
      return fail(exercise, origin, "called System.exit(" + jvm.exitCode() + ")" + log.exitWhere() + in
          + " — an exercise method must return its result, not end the program", excerpt);
    }
    if (log.fatal() != null) return fail(exercise, origin, log.fatal(), excerpt);
    if (!log.done()) {
      return fail(exercise, origin, "the grading JVM stopped unexpectedly (exit code " + jvm.exitCode() + ")" + in
          + " — did the cell call Runtime.halt or crash native code?", excerpt);
    }
    List<TestOutcome> failed = log.outcomes().stream().filter(o -> o.status() == Status.FAIL).collect(Collectors.toList());
    if (!failed.isEmpty()) {
      String others = failed.size() == 1 ? "" : "also failing:\n" + failed.subList(1, failed.size()).stream()
          .map(o -> "- " + o.message().lines().findFirst().orElse("")).collect(Collectors.joining("\n"));
      return fail(exercise, origin, failed.get(0).message(), join(others, excerpt));
    }
    if (log.outcomes().stream().anyMatch(o -> o.status() == Status.TODO)) {
      return new Verdict(exercise, Status.TODO, todoMessage(exercise), "", origin, Duration.ZERO);
    }
    if (log.outcomes().isEmpty()) return fail(exercise, origin, "the grader ran no tests (a bug in the grader)", excerpt);
    return new Verdict(exercise, Status.PASS, "", "", origin, Duration.ZERO);
  }

  static String todoMessage(Exercise exercise) {
    return "not solved yet: replace `throw new NotSolvedYet(\"" + exercise.id() + "\");` in the cell with your code";
  }

  /** A FAIL whose message is one line: anything after the first line of {@code message} leads the details. */
  static Verdict fail(Exercise exercise, String origin, String message, String details) {
    int nl = message.indexOf('\n');
    if (nl < 0) return new Verdict(exercise, Status.FAIL, message, details, origin, Duration.ZERO);
    String rest = message.substring(nl + 1).lines().map(String::strip).collect(Collectors.joining("\n"));
    return new Verdict(exercise, Status.FAIL, message.substring(0, nl), join(rest, details), origin, Duration.ZERO);
  }

  private static String outputExcerpt(ChildJvm.Result jvm) {
    String text = jvm.output().strip();
    if (text.isEmpty()) return "";
    List<String> lines = text.lines().limit(OUTPUT_EXCERPT_LINES).map(l -> l.length() > 200 ? l.substring(0, 200) + " …" : l)
        .collect(Collectors.toList());
    boolean cut = lines.size() < text.lines().count() || jvm.outputBytes() > jvm.output().length();
    return "output of the cell" + (cut ? " (first " + lines.size() + " lines of " + size((int) (jvm.outputBytes() / 1024)) + ")" : "")
        + ":\n  " + String.join("\n  ", lines);
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) return b;
    return b.isEmpty() ? a : a + "\n" + b;
  }

  private static String size(int kb) {
    return kb >= 1024 && kb % 1024 == 0 ? kb / 1024 + " MB" : kb + " KB";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }
}
