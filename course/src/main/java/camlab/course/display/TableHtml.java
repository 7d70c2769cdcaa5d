package camlab.course.display;

import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw {@link Table} as a static HTML table (no JavaScript). Long tables show their first and last
 * rows around an ellipsis row. The {@code dataframe} class gives it Jupyter's usual table style.
 */
public final class TableHtml {
  /** Tables with more rows than this are shortened. */
  static final int MAX_ROWS = 20;
  static final int HEAD_ROWS = 10;
  static final int TAIL_ROWS = 5;

  private TableHtml() {}

  public static String render(Table table) {
    int rows = table.rowCount();
    List<Column<?>> columns = table.columns();
    StringBuilder html = new StringBuilder("<table class=\"dataframe\" border=\"1\">\n<caption style=\"caption-side:top;text-align:left\">");
    if (table.name() != null && !table.name().isBlank()) html.append("<b>").append(escape(table.name())).append("</b> · ");
    html.append(rows).append(rows == 1 ? " row" : " rows").append(" × ").append(columns.size())
        .append(columns.size() == 1 ? " column" : " columns").append("</caption>\n<thead><tr><th></th>");
    for (Column<?> c : columns) {
      html.append("<th title=\"").append(escape(c.type().name())).append("\">").append(escape(c.name())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    boolean shorten = rows > MAX_ROWS;
    for (int r = 0; r < rows; r++) {
      if (shorten && r == HEAD_ROWS) {
        html.append("<tr><th>…</th>").append("<td>…</td>".repeat(columns.size())).append("</tr>\n");
        r = rows - TAIL_ROWS;
      }
      html.append("<tr><th>").append(r).append("</th>");
      for (Column<?> c : columns) html.append("<td>").append(escape(c.getString(r))).append("</td>");
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>").toString();
  }

  static String escape(String s) {
    if (s == null) return "";
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
