package io.auglove.pipelines.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTML table of a report: a header, rows of cells and an optional footer (totals, kept in place
 * when the rows are sorted). A number cell carries its value in {@code data-value}, so that sorting
 * orders numbers as numbers; a cell may have a background colour (the heat map's).
 */
final class Table {

  /** One cell: its text, its numeric value for sorting (or null for text) and its background. */
  record Cell(String text, Double value, String background) {

    static Cell text(String text) {
      return new Cell(text, null, null);
    }

    static Cell number(long value) {
      return new Cell(String.format(Locale.ROOT, "%,d", value), (double) value, null);
    }

    /** {@code value} with {@code decimals} decimals; NaN reads "undefined". */
    static Cell number(double value, int decimals) {
      return Double.isNaN(value)
          ? new Cell("undefined", null, null)
          : new Cell(String.format(Locale.ROOT, "%." + decimals + "f", value), value, null);
    }

    Cell withBackground(String colour) {
      return new Cell(text, value, colour);
    }
  }

  private final boolean sortable;
  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();
  private final List<List<Cell>> footer = new ArrayList<>();
  private String id;

  private Table(boolean sortable, List<String> headers) {
    this.sortable = sortable;
    this.headers = List.copyOf(headers);
  }

  /** A table whose rows a click on a header sorts. */
  static Table sortable(List<String> headers) {
    return new Table(true, headers);
  }

  static Table plain(List<String> headers) {
    return new Table(false, headers);
  }

  /** Gives the table an id, for tests and links. */
  Table id(String tableId) {
    this.id = tableId;
    return this;
  }

  Table row(List<Cell> cells) {
    rows.add(checked(cells));
    return this;
  }

  /** A footer row, which sorting leaves in place. */
  Table footer(List<Cell> cells) {
    footer.add(checked(cells));
    return this;
  }

  private List<Cell> checked(List<Cell> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.size() + " cells in a table of " + headers.size() + " columns");
    }
    return List.copyOf(cells);
  }

  String html() {
    StringBuilder html = new StringBuilder("<div class=\"scroll\"><table");
    if (id != null) {
      html.append(" id=\"").append(HtmlPage.escape(id)).append('"');
    }
    html.append(sortable ? " class=\"sortable\">" : ">").append("\n<thead><tr>");
    for (String header : headers) {
      html.append("<th>").append(HtmlPage.escape(header)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    rows.forEach(row -> appendRow(html, row));
    html.append("</tbody>\n");
    if (!footer.isEmpty()) {
      html.append("<tfoot>\n");
      footer.forEach(row -> appendRow(html, row));
      html.append("</tfoot>\n");
    }
    return html.append("</table></div>\n").toString();
  }

  private static void appendRow(StringBuilder html, List<Cell> row) {
    html.append("<tr>");
    for (Cell cell : row) {
      html.append("<td");
      if (cell.value() == null) {
        html.append(" class=\"text\"");
      } else {
        html.append(" data-value=\"").append(cell.value()).append('"');
      }
      if (cell.background() != null) {
        html.append(" style=\"background:").append(cell.background()).append('"');
      }
      html.append('>').append(HtmlPage.escape(cell.text())).append("</td>");
    }
    html.append("</tr>\n");
  }
}
