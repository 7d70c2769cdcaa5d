package camlab.exercises.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code solutions/NN-name.jsh} file: one section per exercise, each starting with its marker line and
 * running to the next marker line (or the end). Text before the first marker is a free-form header.
 */
public final class SolutionsFile {
  private SolutionsFile() {}

  public static List<ExerciseCell> sections(String text, String origin) {
    List<ExerciseCell> sections = new ArrayList<>();
    List<String> lines = ExerciseCell.normalizeLineEndings(text).lines().toList();
    int start = -1;
    for (int i = 0; i <= lines.size(); i++) {
      boolean atMarker = i < lines.size() && MarkerLine.parse(lines.get(i)).isPresent();
      if ((atMarker || i == lines.size()) && start >= 0) {
        sections.add(section(lines.subList(start, i), origin + ", line " + (start + 1)));
      }
      if (atMarker) start = i;
    }
    return sections;
  }

  private static ExerciseCell section(List<String> lines, String origin) {
    int end = lines.size();
    while (end > 1 && lines.get(end - 1).isBlank()) end--;
    String source = String.join("\n", lines.subList(0, end)) + "\n";
    Optional<MarkerLine> marker = MarkerLine.parse(lines.get(0));
    return new ExerciseCell(marker.orElseThrow(), source, origin);
  }
}
