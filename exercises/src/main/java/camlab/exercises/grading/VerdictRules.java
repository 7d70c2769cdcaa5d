package camlab.exercises.grading;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import camlab.exercises.registry.Exercise;

/** Turns a grader's outcomes, and how the cell JVM ended, into a verdict and a message that says what happened. */
final class VerdictRules {
  private static final int OUTPUT_EXCERPT_LINES = 15;

  private VerdictRules() {}

  /** What grading one cell produced: each grader test's outcome, why its JVM stopped early (or null), what it printed. */
  record CellRun(List<TestOutcome> outcomes, String stopped, String output, long outputBytes) {}

  /**
   * The verdict, with the points of every test method whose tests all passed; {@code hiddenRun} says whether the
   * plan's hidden tests were run (an instructor grading) or are left to the instructor.
   */
  static Verdict decide(Exercise exercise, String origin, CellRun run, GraderPlan plan, boolean hiddenRun) {
    Verdict v = decide(exercise, origin, run).atStake(plan, hiddenRun);
    double earned = 0;
    for (GraderPlan.Item item : plan.items()) {
      if (!item.hidden() || hiddenRun) earned += item.points() * passedShare(run.outcomes(), item.key());
    }
    if (v.status() == Status.TODO) earned = 0;
    return new Verdict(exercise, v.status(), v.message(), v.details(), origin, v.elapsed(), run.outcomes(), earned, v.maxPoints(),
        v.hiddenPoints());
  }

  /**
   * The share of test method {@code item}'s tests that passed: 1 or 0 for a {@code @Test}, a fraction for the tests a
   * {@code @TestFactory} makes, which share its points equally. A method none of whose tests ran earns nothing.
   */
  static double passedShare(List<TestOutcome> outcomes, String item) {
    int ran = 0;
    int passed = 0;
    for (TestOutcome o : outcomes) {
      if (!o.item().equals(item)) continue;
      ran++;
      if (o.status() == Status.PASS) passed++;
    }
    return ran == 0 ? 0 : (double) passed / ran;
  }

  static Verdict decide(Exercise exercise, String origin, CellRun run) {
    String excerpt = outputExcerpt(run.output(), run.outputBytes());
    if (run.stopped() != null) return fail(exercise, origin, run.stopped(), excerpt);
    List<TestOutcome> failed = run.outcomes().stream().filter(o -> o.status() == Status.FAIL).collect(Collectors.toList());
    if (!failed.isEmpty()) {
      String others = failed.size() == 1 ? "" : "also failing:\n" + failed.subList(1, failed.size()).stream()
          .map(o -> "- " + o.message().lines().findFirst().orElse("")).collect(Collectors.joining("\n"));
      return fail(exercise, origin, failed.get(0).message(), join(others, excerpt));
    }
    if (run.outcomes().stream().anyMatch(o -> o.status() == Status.TODO)) {
      return new Verdict(exercise, Status.TODO, todoMessage(exercise), "", origin, Duration.ZERO);
    }
    if (run.outcomes().isEmpty()) return fail(exercise, origin, "the grader ran no tests (a bug in the grader)", excerpt);
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

  /** PyTorch's own warnings (c10's {@code [W<date> <file>:<line>] Warning: …}): the engine's, not the cell's. */
  private static final java.util.regex.Pattern ENGINE_WARNING = java.util.regex.Pattern.compile("(?m)^\\[W\\d{4} [^\\]]*\\] Warning: .*\\R?");

  /** The first lines of what the cell printed, saying how much there was when it is cut; the engine's warnings are left out. */
  static String outputExcerpt(String kept, long outputBytes) {
    String output = ENGINE_WARNING.matcher(kept).replaceAll("");
    outputBytes -= kept.getBytes(java.nio.charset.StandardCharsets.UTF_8).length - output.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    String text = output.strip();
    if (text.isEmpty()) return "";
    List<String> lines = text.lines().limit(OUTPUT_EXCERPT_LINES).map(l -> l.length() > 200 ? l.substring(0, 200) + " …" : l)
        .collect(Collectors.toList());
    boolean cut = lines.size() < text.lines().count() || outputBytes > output.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return "output of the cell" + (cut ? " (first " + lines.size() + " lines of " + RemoteCell.size((int) (outputBytes / 1024)) + ")" : "")
        + ":\n  " + String.join("\n  ", lines);
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) return b;
    return b.isEmpty() ? a : a + "\n" + b;
  }
}
