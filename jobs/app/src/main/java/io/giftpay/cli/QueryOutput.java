package io.giftpay.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Prints query results for a person or a tool: an aligned {@code table} with a row count, {@code
 * csv} (RFC 4180, with a header) or {@code json} (one object per line). Decimals are printed
 * exactly as stored ({@link BigDecimal#toPlainString()}), never through a double.
 */
final class QueryOutput {
  /** Lower case: the names are what {@code --format} takes. */
  enum Format {
    table,
    csv,
    json
  }

  private QueryOutput() {}

  /** Prints the rows in the format and returns how many there were. */
  static long print(StructType schema, Iterator<Row> rows, Format format, PrintStream out) {
    return switch (format) {
      case table -> table(schema, rows, out);
      case csv -> csv(schema, rows, out);
      case json -> json(schema, rows, out);
    };
  }

  private static long table(StructType schema, Iterator<Row> rows, PrintStream out) {
    StructField[] fields = schema.fields();
    List<String[]> cells = new ArrayList<>();
    int[] width = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      width[i] = fields[i].name().length();
    }
    while (rows.hasNext()) {
      Row row = rows.next();
      String[] line = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        line[i] = row.isNullAt(i) ? "NULL" : text(row.get(i), fields[i].dataType());
        width[i] = Math.max(width[i], line[i].length());
      }
      cells.add(line);
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      header
          .append(i == 0 ? "" : " | ")
          .append(pad(fields[i].name(), width[i], isNumber(fields[i])));
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    out.println(header.toString().stripTrailing());
    out.println(rule);
    for (String[] line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < fields.length; i++) {
        text.append(i == 0 ? "" : " | ").append(pad(line[i], width[i], isNumber(fields[i])));
      }
      out.println(text.toString().stripTrailing());
    }
    out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
    return cells.size();
  }

  private static long csv(StructType schema, Iterator<Row> rows, PrintStream out) {
    StructField[] fields = schema.fields();
    List<String> header = new ArrayList<>();
    for (StructField f : fields) {
      header.add(csvField(f.name()));
    }
    // RFC 4180: records end with CRLF.
    out.print(String.join(",", header) + "\r\n");
    long count = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      List<String> line = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        line.add(row.isNullAt(i) ? "" : csvField(text(row.get(i), fields[i].dataType())));
      }
      out.print(String.join(",", line) + "\r\n");
      count++;
    }
    return count;
  }

  private static long json(StructType schema, Iterator<Row> rows, PrintStream out) {
    long count = 0;
    while (rows.hasNext()) {
      StringBuilder line = new StringBuilder();
      jsonValue(rows.next(), schema, line);
      out.println(line);
      count++;
    }
    return count;
  }

  /** A value as text: decimals exact, dates and times ISO 8601, nested values as JSON. */
  static String text(Object value, DataType type) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
      StringBuilder json = new StringBuilder();
      jsonValue(value, type, json);
      return json.toString();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof byte[] bytes) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(value);
  }

  private static void jsonValue(Object value, DataType type, StringBuilder json) {
    if (value == null) {
      json.append("null");
    } else if (type instanceof StructType struct) {
      Row row = (Row) value;
      json.append('{');
      StructField[] fields = struct.fields();
      for (int i = 0; i < fields.length; i++) {
        json.append(i == 0 ? "" : ",");
        jsonString(fields[i].name(), json);
        json.append(':');
        jsonValue(row.isNullAt(i) ? null : row.get(i), fields[i].dataType(), json);
      }
      json.append('}');
    } else if (type instanceof ArrayType array) {
      json.append('[');
      int i = 0;
      for (Object element : javaList(value)) {
        json.append(i++ == 0 ? "" : ",");
        jsonValue(element, array.elementType(), json);
      }
      json.append(']');
    } else if (type instanceof MapType map) {
      json.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : javaMap(value).entrySet()) {
        json.append(i++ == 0 ? "" : ",");
        jsonString(text(e.getKey(), map.keyType()), json);
        json.append(':');
        jsonValue(e.getValue(), map.valueType(), json);
      }
      json.append('}');
    } else if (value instanceof BigDecimal d) {
      json.append(d.toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      double x = ((Number) value).doubleValue();
      if (Double.isFinite(x)) {
        json.append(value);
      } else {
        jsonString(String.valueOf(value), json);
      }
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else {
      jsonString(text(value, type), json);
    }
  }

  private static List<?> javaList(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    return scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) value);
  }

  private static Map<?, ?> javaMap(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    return scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Map<?, ?>) value);
  }

  private static void jsonString(String s, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static boolean isNumber(StructField field) {
    return field.dataType() instanceof NumericType;
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
