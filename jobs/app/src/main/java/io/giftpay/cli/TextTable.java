package io.giftpay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/** Prints rows of text as an aligned table, RFC 4180 CSV, or one JSON object per line. */
final class TextTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TextTable() {}

  static void print(PrintWriter out, String format, List<String> header, List<List<String>> rows) {
    switch (format) {
      case "csv" -> {
        out.println(String.join(",", header.stream().map(TextTable::csv).toList()));
        rows.forEach(r -> out.println(String.join(",", r.stream().map(TextTable::csv).toList())));
      }
      case "json" ->
          rows.forEach(
              r -> {
                ObjectNode node = JSON.createObjectNode();
                for (int i = 0; i < header.size(); i++) {
                  node.put(header.get(i), r.get(i));
                }
                out.println(node);
              });
      default -> {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
          width[i] = header.get(i).length();
          for (List<String> r : rows) {
            width[i] = Math.max(width[i], r.get(i).length());
          }
        }
        out.println(line(header, width));
        rows.forEach(r -> out.println(line(r, width)));
      }
    }
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      b.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", cells.get(i)));
    }
    return b.toString().stripTrailing();
  }

  private static String csv(String cell) {
    return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
        ? "\"" + cell.replace("\"", "\"\"") + "\""
        : cell;
  }
}
