package io.giftpay.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Test helper: reads ledger files back (Parquet with parquet-mr's GroupReadSupport, CSV with Csv).
 */
final class LedgerFiles {
  private LedgerFiles() {}

  /** A row read back: column → value as text (timestamps as UTC Instant text), plus its file. */
  record Row(Map<String, String> values, Path file, String dt) {
    String get(String column) {
      return values.get(column);
    }
  }

  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<Path> partitions(Path out, String table) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve(table))) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static List<Row> readTable(Path out, String table) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Path p : partitions(out, table)) {
      rows.addAll(readPartition(p));
    }
    return rows;
  }

  static List<Row> readPartition(Path partition) throws IOException {
    String dt = partition.getFileName().toString().substring(3);
    List<Row> rows = new ArrayList<>();
    for (Path f : files(partition)) {
      if (f.toString().endsWith(".parquet")) {
        for (Map<String, String> m : readParquet(f)) {
          rows.add(new Row(m, f, dt));
        }
      } else if (f.toString().endsWith(".csv")) {
        for (Map<String, String> m : readCsv(f)) {
          rows.add(new Row(m, f, dt));
        }
      }
    }
    return rows;
  }

  static List<Map<String, String>> readCsv(Path f) throws IOException {
    List<List<String>> all = Csv.read(f);
    List<String> header = all.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; i < all.size(); i++) {
      List<String> r = all.get(i);
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        String v = r.get(c);
        if (v.isEmpty()) {
          v = null;
        } else if (header.get(c).equals("event_time") || header.get(c).equals("created_at")) {
          v = normalizeTimestamp(v);
        } else if (header.get(c).equals("is_creator") || header.get(c).equals("kyc_verified")) {
          v = v.toLowerCase(java.util.Locale.ROOT);
        }
        m.put(header.get(c), v);
      }
      out.add(m);
    }
    return out;
  }

  /** ISO-8601 with Z or an offset → the UTC instant's text; unparseable text is kept as is. */
  static String normalizeTimestamp(String v) {
    try {
      return OffsetDateTime.parse(v).toInstant().toString();
    } catch (RuntimeException e) {
      return v;
    }
  }

  static List<String> parquetColumns(Path f) throws IOException {
    try (ParquetReader<Group> r =
        ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri()))
            .build()) {
      Group g = r.read();
      if (g == null) {
        return null;
      }
      return g.getType().getFields().stream().map(Type::getName).toList();
    }
  }

  static List<Map<String, String>> readParquet(Path f) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (ParquetReader<Group> r =
        ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri()))
            .build()) {
      Group g;
      while ((g = r.read()) != null) {
        Map<String, String> m = new LinkedHashMap<>();
        List<Type> fields = g.getType().getFields();
        for (int i = 0; i < fields.size(); i++) {
          Type t = fields.get(i);
          if (g.getFieldRepetitionCount(i) == 0) {
            m.put(t.getName(), null);
            continue;
          }
          PrimitiveType p = t.asPrimitiveType();
          LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
          String v =
              switch (p.getPrimitiveTypeName()) {
                case BINARY -> g.getString(i, 0);
                case BOOLEAN -> Boolean.toString(g.getBoolean(i, 0));
                case INT32 ->
                    a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                        ? LocalDate.ofEpochDay(g.getInteger(i, 0)).toString()
                        : Integer.toString(g.getInteger(i, 0));
                case INT64 -> {
                  long x = g.getLong(i, 0);
                  if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    yield Instant.EPOCH.plusNanos(x * 1000L).toString();
                  } else if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    yield BigDecimal.valueOf(x, d.getScale()).toPlainString();
                  }
                  yield Long.toString(x);
                }
                default -> throw new IllegalStateException(p.toString());
              };
          m.put(t.getName(), v);
        }
        out.add(m);
      }
    }
    return out;
  }
}
