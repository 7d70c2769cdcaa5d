package camlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's rows as a plain-text table with aligned columns, for the terminal and the logs. Plain Java on
 * purpose: the bench also runs where only the engine's jars travel (a GPU machine without network), without
 * the table library the notebooks use.
 */
public final class RowTable {
  private static final String[] HEADER = {"model", "batch", "what", "ms", "x forward", "images/s", "target"};
  /** Columns whose cells are numbers, aligned right. */
  private static final boolean[] NUMERIC = {false, true, false, true, true, true, false};

  private RowTable() {}

  /** A title line, the header, a rule and one line per row; ms with 2 decimals, ratios with 3, images/s with 1. */
  public static String format(String title, List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (Row r : rows) {
      cells.add(new String[] {r.model(), String.valueOf(r.batch()), r.what(), fixed(r.ms(), 2), fixed(r.ratio(), 3),
          fixed(r.imagesPerSecond(), 1), r.target() == null ? "" : "<= " + r.target() + (r.meetsTarget() ? " ok" : " MISSED")});
    }
    int[] width = new int[HEADER.length];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) width[c] = Math.max(width[c], line[c].length());
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    for (int i = 0; i < cells.size(); i++) {
      out.append(line(cells.get(i), width)).append('\n');
      if (i == 0) out.append(rule(width)).append('\n');
    }
    return out.toString();
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) s.append("  ");
      String pad = " ".repeat(width[c] - cells[c].length());
      s.append(NUMERIC[c] ? pad + cells[c] : cells[c] + pad);
    }
    return s.toString().stripTrailing();
  }

  private static String rule(int[] width) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < width.length; c++) s.append(c > 0 ? "  " : "").append("-".repeat(width[c]));
    return s.toString();
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
