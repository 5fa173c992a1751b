// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A result table, printed to the console as text and into the report as Markdown. */
final class Table {

  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Table(String title, String... header) {
    this.title = title;
    this.header = List.of(header);
  }

  Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(format(cell));
    }
    rows.add(row);
    return this;
  }

  /** A line of explanation printed under the table. */
  Table note(String note) {
    notes.add(note);
    return this;
  }

  String title() {
    return title;
  }

  static String format(Object cell) {
    if (cell instanceof Double d) {
      return d >= 100
          ? String.format(Locale.ROOT, "%.0f", d)
          : d >= 10 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%.2f", d);
    }
    return String.valueOf(cell);
  }

  String markdown() {
    StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
    if (header.isEmpty()) {
      notes.forEach(n -> out.append(n).append("\n"));
      return out.append('\n').toString();
    }
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> out.append(" --- |"));
    out.append('\n');
    rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append(n).append("\n"));
    }
    return out.append('\n').toString();
  }

  String text() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
      }
    }
    StringBuilder out = new StringBuilder("\n== ").append(title).append(" ==\n");
    line(out, header, widths);
    rows.forEach(r -> line(out, r, widths));
    notes.forEach(n -> out.append("  ").append(n).append('\n'));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      out.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", cell));
    }
    out.append('\n');
  }
}
