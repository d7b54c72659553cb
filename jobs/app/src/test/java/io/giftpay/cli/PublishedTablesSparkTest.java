package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.PublishedTables.PublishedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nights of a generated ledger go through {@code giftpay nightly} (in-process, on this
 * class's session); then every published file is held against {@link PublishedTables}: its columns
 * and types, its row order, no null where the registry says none. The same warehouse is queried
 * through {@code giftpay sql}'s {@link SqlQuery} (Spark) and through DuckDB over the Parquet files,
 * and the analysts' numbers must agree to the last digit.
 */
class PublishedTablesSparkTest extends SparkTestBase {
  /**
   * Tables in the registry whose night step is still being built: the integrator empties this set
   * when their steps land, and {@link #everyRegistryTableIsPublishedInItsSchema()} then requires
   * them too.
   */
  static final Set<String> NOT_YET_PUBLISHED = Set.of();

  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  private static final LocalDate TO = LocalDate.of(2026, 11, 2);
  private static final List<LocalDate> NIGHTS = List.of(FROM, TO);
  private static final String RULES_DIR_PROPERTY = "giftpay.rules.dir";

  @TempDir static Path tmp;
  private static Path warehouse;
  private static String rulesDirBefore;
  private static String logFileBefore;

  @BeforeAll
  static void runTwoNights() {
    Path rules = Path.of("../../rules").toAbsolutePath().normalize();
    rulesDirBefore = System.getProperty(RULES_DIR_PROPERTY);
    logFileBefore = System.getProperty(Logs.PROPERTY);
    System.setProperty(RULES_DIR_PROPERTY, rules.toString());
    Path ledger = tmp.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
            ledger,
            FROM,
            NIGHTS.size(),
            600,
            40,
            11L,
            LedgerFormat.MIXED,
            GiftCatalogue.load(rules.resolve("gift-catalogue.csv")).coinsByGiftId()),
        line -> {});
    warehouse = tmp.resolve("warehouse");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status =
          Giftpay.run(
              List.of(
                  "nightly",
                  "--from",
                  FROM.toString(),
                  "--to",
                  TO.toString(),
                  "--ledger",
                  ledger.toString(),
                  "--warehouse",
                  warehouse.toString()),
              o,
              e);
    }
    assertEquals(
        0,
        status,
        () -> "giftpay nightly failed:\n" + out.toString(UTF_8) + "\n" + err.toString(UTF_8));
  }

  @AfterAll
  static void restoreProperties() {
    restore(RULES_DIR_PROPERTY, rulesDirBefore);
    restore(Logs.PROPERTY, logFileBefore);
  }

  @Test
  void everyRegistryTableIsPublishedInItsSchema() {
    List<String> problems = new ArrayList<>();
    for (PublishedTable table : PublishedTables.ALL) {
      boolean expected = !NOT_YET_PUBLISHED.contains(table.name());
      for (LocalDate night : NIGHTS) {
        Path partition = warehouse.resolve(table.name()).resolve("dt=" + night);
        if (!Files.isDirectory(partition)) {
          if (expected) {
            problems.add(
                table.name() + ": nothing published for " + night + " (" + partition + ")");
          }
          continue;
        }
        if (!expected) {
          problems.add(table.name() + " is published now: remove it from NOT_YET_PUBLISHED");
        }
        List<String> files = fileNames(partition);
        if (!files.equals(List.of("part-00000.parquet"))) {
          problems.add(
              table.name()
                  + " "
                  + night
                  + ": files "
                  + files
                  + ", expected one part-00000.parquet");
          continue;
        }
        Path file = partition.resolve("part-00000.parquet");
        StructType actual = spark.read().parquet(file.toString()).schema();
        if (!actual.equals(table.readSchema())) {
          problems.add(
              table.name()
                  + " "
                  + night
                  + ": the file's schema\n    "
                  + ddl(actual)
                  + "\n  differs from the registry's\n    "
                  + ddl(table.readSchema()));
        }
        // The footer itself: each column optional or required exactly as the registry says.
        MessageType footer = footerSchema(file);
        List<String> inFooter =
            footer.getFields().stream()
                .map(
                    f ->
                        f.getName()
                            + (f.getRepetition() == Type.Repetition.OPTIONAL
                                ? " nullable"
                                : " required"))
                .toList();
        List<String> inRegistry =
            table.columns().stream()
                .map(c -> c.name() + (c.nullable() ? " nullable" : " required"))
                .toList();
        if (!inFooter.equals(inRegistry)) {
          problems.add(
              table.name()
                  + " "
                  + night
                  + ": the Parquet footer's schema "
                  + footer
                  + " is not the registry's "
                  + inRegistry);
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void rowsAreWrittenInTheRegistrysSortOrder() {
    List<String> problems = new ArrayList<>();
    int tablesWithSeveralRows = 0;
    for (PublishedTable table : published()) {
      for (LocalDate night : NIGHTS) {
        Path file =
            warehouse.resolve(table.name()).resolve("dt=" + night).resolve("part-00000.parquet");
        List<Row> rows =
            spark
                .read()
                .parquet(file.toString())
                .selectExpr(table.sortOrder().toArray(String[]::new))
                .collectAsList();
        tablesWithSeveralRows += rows.size() > 1 ? 1 : 0;
        for (int i = 1; i < rows.size(); i++) {
          if (SPARK_ORDER.compare(rows.get(i - 1), rows.get(i)) > 0) {
            problems.add(
                table.name()
                    + " "
                    + night
                    + ": row "
                    + i
                    + " "
                    + rows.get(i)
                    + " comes after "
                    + rows.get(i - 1)
                    + ", not in the order "
                    + table.sortOrder());
            break;
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    // payouts, creator_balances, night_counts at least: an order check on single rows proves
    // nothing.
    assertTrue(
        tablesWithSeveralRows >= 3 * NIGHTS.size(),
        "too few tables with several rows: " + tablesWithSeveralRows);
  }

  @Test
  void sqlViewsHaveTheRegistrysColumnsAndUnpublishedTablesAreEmptyViews() {
    SqlQuery sql = new SqlQuery(spark, warehouse);
    for (PublishedTable table : PublishedTables.ALL) {
      StructType view = sql.run("SELECT * FROM " + table.name()).schema();
      assertEquals(ddl(table.viewSchema()), ddl(view), table.name());
    }
    for (String table : NOT_YET_PUBLISHED) {
      assertEquals(0L, sql.rows("SELECT count(*) FROM " + table).get(0).getLong(0), table);
    }
    // creator_balances, not payouts: under policy v2 nothing clears, so nothing is paid, on the
    // first two nights
    List<Row> nights = sql.rows("SELECT DISTINCT dt FROM creator_balances ORDER BY dt");
    assertEquals(NIGHTS, nights.stream().map(r -> r.<LocalDate>getAs("dt")).toList());
  }

  /**
   * Queries an analyst would write; {@code {table}} is the view in Spark, read_parquet(...) in
   * DuckDB.
   */
  private static final List<String> ANALYST_QUERIES =
      List.of(
          "SELECT currency, count(*) AS payouts, sum(amount_usd) AS usd, sum(amount) AS amount, sum(diamonds) AS diamonds"
              + " FROM {payouts} GROUP BY currency ORDER BY currency",
          "SELECT source, role, count(*) AS flags FROM {flags} GROUP BY source, role ORDER BY source, role",
          "SELECT dt, source_table, reason, count(*) AS rows_quarantined FROM {quarantine} GROUP BY dt, source_table, reason"
              + " ORDER BY dt, source_table, reason",
          "SELECT dt, count(*) AS creators, sum(available_diamonds) AS available, sum(available_usd) AS available_usd,"
              + " sum(held_diamonds) AS held FROM {creator_balances}"
              + " WHERE dt = (SELECT max(dt) FROM {creator_balances}) GROUP BY dt",
          "SELECT n.source_table, sum(n.rows_read) AS rows_read, sum(n.quarantined) AS quarantined FROM {night_counts} n"
              + " GROUP BY n.source_table ORDER BY n.source_table");

  @Test
  void duckDbOverTheParquetFilesGivesTheSameNumbersAsGiftpaySql() throws SQLException {
    SqlQuery sql = new SqlQuery(spark, warehouse);
    List<String> problems = new ArrayList<>();
    int nonEmpty = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String template : ANALYST_QUERIES) {
        List<List<Object>> viaSpark =
            sql.rows(forSpark(template)).stream().map(PublishedTablesSparkTest::canonical).toList();
        List<List<Object>> viaDuck = duckRows(duck, forDuckDb(template));
        nonEmpty += viaSpark.isEmpty() ? 0 : 1;
        if (!viaSpark.equals(viaDuck)) {
          problems.add(template + "\n  giftpay sql: " + viaSpark + "\n  DuckDB:      " + viaDuck);
        }
      }
    }
    assertTrue(
        problems.isEmpty(), "giftpay sql and DuckDB disagree:\n" + String.join("\n", problems));
    assertTrue(nonEmpty >= 3, "too few queries with rows to compare: " + nonEmpty);
  }

  @Test
  void theSqlCommandPrintsCsvThroughTheCli() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status =
        Giftpay.run(
            List.of(
                "sql",
                "--warehouse",
                warehouse.toString(),
                "--format",
                "csv",
                "SELECT currency, sum(amount_usd) AS usd FROM payouts GROUP BY currency ORDER BY currency"),
            new PrintStream(bytes, true, UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    assertEquals(0, status);
    List<String> lines = Arrays.asList(bytes.toString(UTF_8).split("\r\n"));
    assertEquals("currency,usd", lines.get(0));
    List<Row> expected =
        new SqlQuery(spark, warehouse)
            .rows(
                "SELECT currency, sum(amount_usd) FROM payouts GROUP BY currency ORDER BY currency");
    assertEquals(
        expected.stream().map(r -> r.getString(0) + "," + r.getDecimal(1).toPlainString()).toList(),
        lines.subList(1, lines.size()));
  }

  @Test
  void tablesListingNamesTheNightsPublished() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SqlQuery.listTables(warehouse, new PrintStream(bytes, true, UTF_8));
    String listing = bytes.toString(UTF_8);
    assertTrue(
        listing.contains(
            "payouts: one row per creator paid on D (2 nights, " + FROM + ".." + TO + ")"),
        listing);
    assertTrue(
        listing.contains(
            "reviews: one row per review decision applied on D (2 nights, "
                + FROM
                + ".."
                + TO
                + ")"),
        listing);
    assertTrue(
        listing.lines().anyMatch(l -> l.matches("  second_reviewer +string \\(nullable\\)")),
        listing);
    assertTrue(listing.lines().anyMatch(l -> l.matches("  review_id +string")), listing);
  }

  private static String forSpark(String template) {
    return template.replaceAll("\\{(\\w+)}", "$1");
  }

  private static String forDuckDb(String template) {
    String root = warehouse.toAbsolutePath().toString().replace("'", "''");
    return template.replaceAll(
        "\\{(\\w+)}", "read_parquet('" + root + "/$1/*/*.parquet', hive_partitioning=true)");
  }

  private static List<List<Object>> duckRows(Connection duck, String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(canonical(rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Object> canonical(Row row) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      values.add(canonical(row.get(i)));
    }
    return values;
  }

  /**
   * One value as both engines must agree on it: a decimal by its exact value (a double, from either
   * side, never equals one), whole numbers as long, dates as ISO text.
   */
  private static Object canonical(Object value) {
    if (value instanceof BigDecimal d) {
      return "decimal " + d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof java.math.BigInteger) {
      return ((Number) value).longValue();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    return value;
  }

  private static List<PublishedTable> published() {
    return PublishedTables.ALL.stream().filter(t -> !NOT_YET_PUBLISHED.contains(t.name())).toList();
  }

  /** Spark's ascending order: nulls first, strings by their UTF-8 bytes. */
  private static final Comparator<Row> SPARK_ORDER =
      (a, b) -> {
        for (int i = 0; i < a.length(); i++) {
          int c = compareValues(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x instanceof String s && y instanceof String t) {
      return Arrays.compareUnsigned(s.getBytes(UTF_8), t.getBytes(UTF_8));
    }
    return ((Comparable) x).compareTo(y);
  }

  private static String ddl(StructType schema) {
    return String.join(
        ", ", Arrays.stream(schema.fields()).map(PublishedTablesSparkTest::ddl).toList());
  }

  private static String ddl(StructField f) {
    return f.name() + " " + f.dataType().catalogString() + (f.nullable() ? "" : " NOT NULL");
  }

  private static MessageType footerSchema(Path file) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> fileNames(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
