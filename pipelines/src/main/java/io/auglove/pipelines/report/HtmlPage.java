package io.auglove.pipelines.report;

import java.util.List;

/**
 * A self-contained HTML page built section by section: styles and the table-sorting script are
 * inline and nothing refers to the network, so the page opens offline with its PNG files beside it.
 * Every text is escaped.
 *
 * <pre>{@code
 * HtmlPage page = new HtmlPage("Vocabulary report");
 * page.section("corpus", "The corpus").paragraph("60 files read.");
 * page.table(Table.sortable(headers).row(cells)).figure("corpus.png", "Frames per file");
 * String html = page.html();
 * }</pre>
 */
final class HtmlPage {

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;\
      max-width:1180px;padding:0 24px 48px;color:#1f2328;line-height:1.45}
      h1{margin-top:28px}h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:40px}
      nav a{margin-right:14px}
      table{border-collapse:collapse;font-size:13px;margin:12px 0}
      th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:right;white-space:nowrap}
      th{background:#f6f8fa;position:sticky;top:0}
      td.text,th.text{text-align:left;white-space:normal}
      table.sortable th{cursor:pointer}table.sortable th:after{content:" \\2195";color:#8c959f}
      .scroll{max-height:520px;overflow:auto;border:1px solid #d0d7de;display:inline-block;\
      max-width:100%}
      .scroll table{margin:0}
      figure{margin:16px 0}figure img{max-width:100%;border:1px solid #d0d7de}
      figcaption{font-size:13px;color:#57606a;max-width:900px}
      .note{color:#57606a;font-size:14px}
      """;

  // Sorts a table.sortable by the clicked column: numbers by their data-value, text otherwise.
  private static final String SCRIPT =
      """
      document.querySelectorAll("table.sortable").forEach(function (table) {
        table.querySelectorAll("thead th").forEach(function (th, column) {
          th.addEventListener("click", function () {
            var body = table.tBodies[0];
            var ascending = th.getAttribute("data-order") !== "ascending";
            th.setAttribute("data-order", ascending ? "ascending" : "descending");
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column], y = b.cells[column];
              var u = x.getAttribute("data-value"), v = y.getAttribute("data-value");
              var order = (u !== null && v !== null)
                ? parseFloat(u) - parseFloat(v)
                : x.textContent.localeCompare(y.textContent);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
      """;

  private final String title;
  private final StringBuilder navigation = new StringBuilder();
  private final StringBuilder body = new StringBuilder();

  HtmlPage(String title) {
    this.title = title;
  }

  /** Starts a section with a heading, listed in the page's navigation. */
  HtmlPage section(String id, String heading) {
    if (body.length() > 0) {
      body.append("</section>\n");
    }
    navigation.append("<a href=\"#").append(id).append("\">").append(escape(heading));
    navigation.append("</a>");
    body.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(heading));
    body.append("</h2>\n");
    return this;
  }

  HtmlPage paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A paragraph in the muted style of notes. */
  HtmlPage note(String text) {
    body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A bulleted list. */
  HtmlPage list(List<String> items) {
    body.append("<ul>\n");
    items.forEach(item -> body.append("<li>").append(escape(item)).append("</li>\n"));
    body.append("</ul>\n");
    return this;
  }

  HtmlPage table(Table table) {
    body.append(table.html());
    return this;
  }

  /** A figure: the PNG file {@code file} beside the page, with its caption. */
  HtmlPage figure(String file, String caption) {
    body.append("<figure><img src=\"").append(escape(file)).append("\" alt=\"");
    body.append(escape(caption)).append("\"><figcaption>").append(escape(caption));
    body.append("</figcaption></figure>\n");
    return this;
  }

  /** The whole page. */
  String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n<h1>"
        + escape(title)
        + "</h1>\n<nav>"
        + navigation
        + "</nav>\n"
        + body
        + (body.length() > 0 ? "</section>\n" : "")
        + "<script>\n"
        + SCRIPT
        + "</script>\n</body>\n</html>\n";
  }

  /** {@code text} with the characters HTML gives a meaning escaped. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
