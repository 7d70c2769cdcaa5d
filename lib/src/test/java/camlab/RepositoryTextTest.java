package camlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository is written for its users: no tracked text — docs, sources, comments, notebooks, scripts, bench
 * files — speaks of the rounds of work that produced it. History lives in the commit messages and the CHANGELOG's
 * versions. A round is the word "session" next to an ordinal or a number, or after this / last / previous / next;
 * a JShell, kernel or Jupyter session is a different thing and stays allowed. No path under docs/ names one either.
 */
class RepositoryTextTest {
  /** Not a compile-time constant, so no phrase this test builds from it ends up whole in the class file. */
  private static final String WORD = "session".toLowerCase(Locale.ROOT);
  private static final String ORDINAL = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
      + "|[0-9]+(?:st|nd|rd|th)|this|last|previous|next|[0-9]+)";
  /** The word with an ordinal, a number or this/last/previous/next before it, or a number after it. */
  static final Pattern ROUND = Pattern.compile(
      "\\b" + ORDINAL + "[\\s_-]+" + WORD + "s?\\b" + "|\\b" + WORD + "s?[ \\t_-]?#?[0-9]", Pattern.CASE_INSENSITIVE);

  /** Where a text speaks of a round of work: the 1-based line and the match, if it does. */
  static Optional<String> firstRound(String text) {
    Matcher m = ROUND.matcher(text);
    if (!m.find()) return Optional.empty();
    long line = text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    return Optional.of("line " + line + ": \"" + m.group() + "\"");
  }

  @Test
  void thePatternFindsRoundsAndLeavesKernelSessionsAlone() {
    // the phrases are assembled at run time, so that neither this source nor its class file contains one
    for (String round : List.of(join("the", "ninth", WORD), join("in", "this", WORD), join("the", "last", WORD),
        join("see", "previous", WORD), join("the", "next", WORD), join("the", "3rd", WORD), join("Fifth", WORD + ":"),
        "docs/bench/" + WORD + "9/final", join(WORD, "4"), join(WORD + "s", "4", "to", "9"), join("a", "2", WORD + "s", "run"),
        "the ninth\n  " + WORD)) {
      assertTrue(firstRound("text\n" + round + "\n").isPresent(), round);
    }
    for (String fine : List.of("a JShell " + WORD + " keeps its imports", "every kernel " + WORD + " starts empty",
        "Jupyter's " + WORD + " id", "the " + WORD + "'s history", WORD + "History.java", "int " + WORD + " = 1;",
        "lookupRange(int " + WORD + ", int start)", "possessions 9", "this " + WORD + "less protocol")) {
      assertEquals(Optional.empty(), firstRound(fine), fine);
    }
    assertEquals(Optional.of("line 2: \"" + join("last", WORD) + "\""), firstRound("one\ntwo, " + join("last", WORD) + "\n"));
  }

  @Test
  void noTrackedTextSpeaksOfRoundsOfWork() throws IOException {
    Path root = RepositoryFiles.root();
    List<String> found = new ArrayList<>();
    int texts = 0;
    for (Path file : RepositoryFiles.tracked(root)) {
      Optional<String> text = text(root.resolve(file));
      if (text.isEmpty()) continue;
      texts++;
      firstRound(text.get()).ifPresent(where -> found.add(file + " " + where));
    }
    assertTrue(texts > 100, "expected the repository's sources and docs; read only " + texts + " text files under " + root);
    assertTrue(found.isEmpty(), "Tracked text speaks of rounds of work; say what is true now (history goes in commit messages"
        + " and CHANGELOG.md):\n  " + String.join("\n  ", found));
  }

  @Test
  void noPathUnderDocsNamesOne() throws IOException {
    Path root = RepositoryFiles.root();
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      List<String> named = docs.map(root::relativize).map(Path::toString)
          .filter(p -> p.toLowerCase(Locale.ROOT).contains(WORD)).toList();
      assertTrue(named.isEmpty(), "paths under docs/ named after rounds of work: " + named);
    }
  }

  /** The file's text if it is UTF-8 without NUL bytes; binary files (models, arrays, pictures) are not text. */
  private static Optional<String> text(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) if (b == 0) return Optional.empty();
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static String join(String... words) {
    return String.join(" ", words);
  }
}
