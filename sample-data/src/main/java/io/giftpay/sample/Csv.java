package io.giftpay.sample;

import io.giftpay.ledger.LedgerTable;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 CSV: a writer for ledger rows and a reader for the tests. */
public final class Csv {

  private Csv() {}

  /** Line terminator: RFC 4180 says CRLF. */
  static final String EOL = "\r\n";

  /** Appends {@code field} to {@code sb}, quoted when it holds a comma, a quote, CR or LF. */
  static void appendField(StringBuilder sb, String field) {
    boolean quote = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      sb.append(field);
      return;
    }
    sb.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  /**
   * Formats epoch milliseconds as ISO-8601 with millisecond precision and the given offset ({@code
   * Z} for 0), e.g. {@code 2026-11-01T21:04:05.123+02:00}.
   */
  static void appendTimestamp(StringBuilder sb, long epochMillis, int offsetMinutes) {
    long local = epochMillis + offsetMinutes * 60_000L;
    long days = Math.floorDiv(local, 86_400_000L);
    long msOfDay = Math.floorMod(local, 86_400_000L);
    LocalDate date = LocalDate.ofEpochDay(days);
    sb.append(date);
    sb.append('T');
    int h = (int) (msOfDay / 3_600_000L);
    int m = (int) (msOfDay / 60_000L % 60);
    int s = (int) (msOfDay / 1000L % 60);
    int ms = (int) (msOfDay % 1000L);
    pad2(sb, h).append(':');
    pad2(sb, m).append(':');
    pad2(sb, s).append('.');
    if (ms < 100) {
      sb.append('0');
    }
    if (ms < 10) {
      sb.append('0');
    }
    sb.append(ms);
    if (offsetMinutes == 0) {
      sb.append('Z');
    } else {
      int abs = Math.abs(offsetMinutes);
      sb.append(offsetMinutes < 0 ? '-' : '+');
      pad2(sb, abs / 60).append(':');
      pad2(sb, abs % 60);
    }
  }

  private static StringBuilder pad2(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }

  /** Writes rows of one table to a CSV file with a header, in the given column order. */
  static final class RowWriter implements RowFile {
    private final Writer out;
    private final LedgerTable table;
    private final int[] order;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    RowWriter(Path file, LedgerTable table, int[] order) throws IOException {
      this.out =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
      this.table = table;
      this.order = order;
      line.setLength(0);
      for (int k = 0; k < order.length; k++) {
        if (k > 0) {
          line.append(',');
        }
        appendField(line, table.columns().get(order[k]).name());
      }
      line.append(EOL);
      out.append(line);
    }

    @Override
    public void write(Object[] row) throws IOException {
      line.setLength(0);
      // the offset used for the row's timestamps is a function of its key, so a replayed row
      // is spelled exactly like its original
      int offset = offsetFor(row[0]);
      for (int k = 0; k < order.length; k++) {
        if (k > 0) {
          line.append(',');
        }
        int c = order[k];
        Object v = row[c];
        if (v == null) {
          continue;
        }
        if (v instanceof RawValue raw) {
          appendField(line, raw.text());
          continue;
        }
        switch (table.columns().get(c).type()) {
          case STRING -> appendField(line, (String) v);
          case TIMESTAMP -> appendTimestamp(line, (Long) v, offset);
          case DATE -> line.append((LocalDate) v);
          case DECIMAL_18_2, DECIMAL_18_8 -> line.append(((BigDecimal) v).toPlainString());
          case BOOLEAN -> line.append(((Boolean) v) ? "true" : "false");
          case INT -> line.append(((Integer) v).intValue());
          case LONG -> line.append(((Long) v).longValue());
          default -> throw new IllegalStateException();
        }
      }
      line.append(EOL);
      out.append(line);
      rows++;
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Mostly UTC ({@code Z}); some rows spelled with +02:00 or -05:00, chosen by the row's key. */
  static int offsetFor(Object key) {
    if (!(key instanceof String s)) {
      return 0;
    }
    int h = s.hashCode() * 0x9E3779B1;
    int bucket = (h >>> 24) % 20;
    if (bucket == 0 || bucket == 1) {
      return 120;
    }
    if (bucket == 2) {
      return -300;
    }
    return 0;
  }

  /** Reads a whole RFC 4180 file (header included) as rows of fields; an empty field is "". */
  public static List<List<String>> read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r);
    }
  }

  static List<List<String>> parse(BufferedReader r) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean any = false;
    int c;
    while ((c = r.read()) != -1) {
      any = true;
      char ch = (char) c;
      if (inQuotes) {
        if (ch == '"') {
          r.mark(1);
          int next = r.read();
          if (next == '"') {
            field.append('"');
          } else {
            inQuotes = false;
            if (next != -1) {
              r.reset();
            }
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        inQuotes = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\r') {
        // part of CRLF; a lone CR is treated as a line end too
        r.mark(1);
        int next = r.read();
        if (next != '\n' && next != -1) {
          r.reset();
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
      } else if (ch == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
      } else {
        field.append(ch);
      }
    }
    if (any) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
