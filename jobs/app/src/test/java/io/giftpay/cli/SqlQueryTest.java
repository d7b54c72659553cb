package io.giftpay.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.spark.SparkTestBase;
import io.giftpay.warehouse.PublishedTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code giftpay sql}'s logic on a tiny hand-made warehouse: two nights of payouts written in the
 * registry's schema, every other table absent.
 */
class SqlQueryTest extends SparkTestBase {
  private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate NIGHT_2 = LocalDate.of(2026, 11, 2);

  /** Sixteen integer digits and cents: a double cannot hold it exactly. */
  private static final BigDecimal BIG = new BigDecimal("9999999999999999.99");

  @TempDir static Path warehouse;

  private static String logFileBefore;

  @AfterAll
  static void restoreLogProperty() {
    if (logFileBefore == null) {
      System.clearProperty(Logs.PROPERTY);
    } else {
      System.setProperty(Logs.PROPERTY, logFileBefore);
    }
  }

  @BeforeAll
  static void writePayouts() {
    logFileBefore = System.getProperty(Logs.PROPERTY);
    writePayouts(
        NIGHT_1,
        List.of(
            payout(
                "c-1",
                NIGHT_1,
                100,
                new BigDecimal("0.10"),
                "USD",
                new BigDecimal("0.100"),
                BigDecimal.ONE,
                "bank"),
            payout(
                "c-2",
                NIGHT_1,
                7,
                BIG,
                "EUR",
                new BigDecimal("1.005"),
                new BigDecimal("0.92000000"),
                "pay,\"pal\"")));
    writePayouts(
        NIGHT_2,
        List.of(
            payout(
                "c-1",
                NIGHT_2,
                200,
                new BigDecimal("0.20"),
                "USD",
                new BigDecimal("0.200"),
                BigDecimal.ONE,
                "bank")));
  }

  @Test
  void decimalsArePrintedExactlyInEveryFormat() {
    String sql = "SELECT creator_id, amount_usd, amount FROM payouts WHERE creator_id = 'c-2'";
    assertEquals(
        "creator_id,amount_usd,amount\r\nc-2,9999999999999999.99,1.005\r\n",
        print(sql, QueryOutput.Format.csv));
    assertEquals(
        "{\"creator_id\":\"c-2\",\"amount_usd\":9999999999999999.99,\"amount\":1.005}\n",
        print(sql, QueryOutput.Format.json));
    assertTrue(print(sql, QueryOutput.Format.table).contains("9999999999999999.99"));
  }

  @Test
  void tableFormatAlignsColumnsAndCountsRows() {
    String text =
        print(
            "SELECT dt, creator_id, diamonds FROM payouts ORDER BY dt, creator_id",
            QueryOutput.Format.table);
    assertEquals(
        String.join(
            "\n",
            "dt         | creator_id | diamonds",
            "-----------+------------+---------",
            "2026-11-01 | c-1        |      100",
            "2026-11-01 | c-2        |        7",
            "2026-11-02 | c-1        |      200",
            "(3 rows)",
            ""),
        text);
    assertTrue(print("SELECT 1 AS one", QueryOutput.Format.table).endsWith("(1 row)\n"));
  }

  @Test
  void csvQuotesCommasQuotesAndLeavesNullsEmpty() {
    String text =
        print(
            "SELECT payout_method, CAST(NULL AS STRING) AS nothing FROM payouts WHERE creator_id = 'c-2'",
            QueryOutput.Format.csv);
    assertEquals("payout_method,nothing\r\n\"pay,\"\"pal\"\"\",\r\n", text);
  }

  @Test
  void jsonIsOneObjectPerLineWithTypedValues() {
    String text =
        print(
            "SELECT creator_id, capped, diamonds, dt, CAST(NULL AS DOUBLE) AS score, 0.5D AS share, array(1, 2) AS xs"
                + " FROM payouts WHERE dt = DATE'2026-11-02'",
            QueryOutput.Format.json);
    assertEquals(
        "{\"creator_id\":\"c-1\",\"capped\":false,\"diamonds\":200,\"dt\":\"2026-11-02\",\"score\":null,\"share\":0.5,\"xs\":[1,2]}\n",
        text);
  }

  @Test
  void sumsOverNightsStayDecimal() {
    Row row = new SqlQuery(spark, warehouse).rows("SELECT sum(amount_usd) FROM payouts").get(0);
    assertEquals(BIG.add(new BigDecimal("0.30")), row.getDecimal(0));
  }

  @Test
  void aTableWithNoNightYetIsAnEmptyViewWithItsColumns() {
    SqlQuery sql = new SqlQuery(spark, warehouse);
    assertEquals(0L, sql.rows("SELECT count(*) FROM flags").get(0).getLong(0));
    assertEquals(
        PublishedTables.REVIEWS.viewSchema().fieldNames().length,
        sql.run("SELECT * FROM reviews").schema().fieldNames().length);
    assertEquals(
        "source,n\r\n",
        print("SELECT source, count(*) AS n FROM flags GROUP BY source", QueryOutput.Format.csv));
  }

  @Test
  void aBadQueryIsOnePlainLine() {
    SqlQuery sql = new SqlQuery(spark, warehouse);
    IllegalArgumentException unknownTable =
        assertThrows(IllegalArgumentException.class, () -> sql.run("SELECT * FROM payout"));
    assertTrue(
        unknownTable.getMessage().startsWith("Invalid query: [TABLE_OR_VIEW_NOT_FOUND]"),
        unknownTable.getMessage());
    assertFalse(unknownTable.getMessage().contains("\n"), unknownTable.getMessage());

    IllegalArgumentException syntax =
        assertThrows(IllegalArgumentException.class, () -> sql.run("SELEC 1"));
    assertTrue(
        syntax.getMessage().startsWith("Invalid query: [PARSE_SYNTAX_ERROR]"), syntax.getMessage());
    assertFalse(syntax.getMessage().contains("\n"), syntax.getMessage());

    IllegalArgumentException column =
        assertThrows(
            IllegalArgumentException.class, () -> sql.run("SELECT amount_eur FROM payouts"));
    assertTrue(
        column.getMessage().startsWith("Invalid query: [UNRESOLVED_COLUMN"), column.getMessage());
  }

  @Test
  void aQueryFailingWhileRunningIsOnePlainLine() {
    SqlQuery sql = new SqlQuery(spark, warehouse);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                sql.print(
                    "SELECT CAST(payout_method AS INT) FROM payouts",
                    QueryOutput.Format.csv,
                    new PrintStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().startsWith("Query failed: [CAST_INVALID_INPUT]"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aMissingWarehouseIsNamed() {
    Path missing = warehouse.resolve("no-such-warehouse");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SqlQuery(spark, missing));
    assertEquals(
        "Invalid --warehouse: " + missing.toAbsolutePath().normalize() + " (no such folder)",
        e.getMessage());
  }

  @Test
  void aFolderThatIsNoWarehouseIsNamed() throws IOException {
    Path ledgerLike = Files.createDirectories(warehouse.resolve("not-a-warehouse/gifts"));
    Path root = ledgerLike.getParent().toAbsolutePath().normalize();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SqlQuery(spark, root));
    assertEquals(
        "Invalid --warehouse: "
            + root
            + " (no _giftpay/ folder and no published table in it: not a Giftpay warehouse)",
        e.getMessage());
  }

  @Test
  void theCommandLineParsesFormatAndRefusesWhatIsWrong() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status =
        Giftpay.run(
            List.of(
                "sql",
                "--warehouse",
                warehouse.toString(),
                "--format",
                "json",
                "SELECT count(*) AS n FROM payouts"),
            new PrintStream(bytes, true, UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    assertEquals(0, status);
    assertEquals("{\"n\":3}\n", bytes.toString(UTF_8));

    assertEquals(2, sql("SELECT 1").status(), "--warehouse is required");
    assertEquals(
        2,
        sql("--warehouse", warehouse.toString(), "--format", "xml", "SELECT 1").status(),
        "unknown format");
    assertEquals(2, sql("--warehouse", warehouse.toString()).status(), "no query");
    Cli bad = sql("--warehouse", warehouse.toString(), "SELECT * FROM nowhere");
    assertEquals(1, bad.status(), "bad query");
    assertEquals(1, bad.err().strip().lines().count(), "one plain line: " + bad.err());
    assertTrue(bad.err().contains("TABLE_OR_VIEW_NOT_FOUND"), bad.err());
  }

  private record Cli(int status, String err) {}

  private static Cli sql(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> line = new java.util.ArrayList<>(List.of("sql"));
    line.addAll(List.of(args));
    int status =
        Giftpay.run(
            line,
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
            new PrintStream(err, true, UTF_8));
    return new Cli(status, err.toString(UTF_8));
  }

  private static String print(String sql, QueryOutput.Format format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new SqlQuery(spark, warehouse).print(sql, format, new PrintStream(bytes, true, UTF_8));
    return bytes.toString(UTF_8);
  }

  private static Row payout(
      String creator,
      LocalDate night,
      long diamonds,
      BigDecimal usd,
      String currency,
      BigDecimal amount,
      BigDecimal fxRate,
      String method) {
    return RowFactory.create(
        "po-" + creator + night,
        creator,
        night,
        diamonds,
        usd,
        currency,
        amount,
        fxRate,
        method,
        false,
        1);
  }

  private static void writePayouts(LocalDate night, List<Row> rows) {
    Dataset<Row> payouts = spark.createDataFrame(rows, PublishedTables.PAYOUTS.schema());
    payouts
        .coalesce(1)
        .write()
        .parquet(warehouse.resolve("payouts").resolve("dt=" + night).toString());
  }
}
