package io.giftpay.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.ledger.TableCounts;
import io.giftpay.payout.PayoutPolicyFile;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.LedgerReader;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.warehouse.LedgerLayout;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rows_read} is the rows in the ledger's files, counted apart from validation, so a row that
 * validation loses or makes twice stops the night in ingest, before anything is staged for
 * publication. The ledger, the reader, the validator, the staging and the counts are the real ones;
 * only the validated rows of one table lose (or gain) a row on their way to being counted.
 */
class IngestNightSparkTest extends SparkTestBase {
  private static final Path RULES = Path.of("../../rules").toAbsolutePath().normalize();
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 1);

  @TempDir static Path shared;
  private static Path ledger;
  private static GiftpayConfig config;

  @BeforeAll
  static void generateLedger() {
    config = GiftpayConfig.defaults().with(GiftpayConfig.RULES_DIR, RULES.toString());
    ledger = shared.resolve("ledger");
    // Mixed: every event partition holds one Parquet file and one CSV file.
    LedgerGenerator.generate(
        new GeneratorOptions(
                ledger,
                NIGHT,
                1,
                80,
                8,
                5L,
                LedgerFormat.MIXED,
                GiftCatalogue.load(config.catalogueFile()).coinsByGiftId())
            .withoutPatterns(),
        line -> {});
  }

  @Test
  void aNightsRowsReadAreTheRowsOfItsFilesAndReconcile(@TempDir Path warehouse) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<TableCounts> counts = ingest(warehouse, out, (table, validated) -> validated);

    Map<String, TableCounts> byTable =
        counts.stream().collect(Collectors.toMap(TableCounts::table, c -> c));
    assertTrue(
        byTable
            .keySet()
            .containsAll(List.of("gifts", "recharges", "reversals", "rewards", "accounts")),
        byTable.keySet().toString());
    for (TableCounts c : counts) {
      assertTrue(c.reconciles(), c.toString());
      LedgerTable table = LedgerTable.valueOf(c.table().toUpperCase(java.util.Locale.ROOT));
      assertEquals(
          rowsTheReaderHandsOn(table),
          c.rowsRead(),
          c.table() + ": rows_read is the rows of its files");
    }
    assertTrue(
        byTable.get("gifts").quarantined() > 0 && byTable.get("gifts").accepted() > 0,
        byTable.get("gifts").toString());

    Row gifts =
        spark
            .read()
            .parquet(
                warehouse
                    .resolve("_giftpay/staging/dt=" + NIGHT + "/tables/night_counts")
                    .toString())
            .filter("source_table = 'gifts'")
            .first();
    assertEquals(
        byTable.get("gifts").rowsRead(),
        (long) gifts.getAs("rows_read"),
        "night_counts publishes the files' rows");
  }

  @Test
  void aRowValidationLosesStopsTheNightNamingTheTablePartitionAndBothNumbers(
      @TempDir Path warehouse) {
    long inFiles = rowsTheReaderHandsOn(LedgerTable.GIFTS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    NightFailure failure =
        assertThrows(
            NightFailure.class,
            () ->
                ingest(
                    warehouse,
                    out,
                    (table, validated) ->
                        table == LedgerTable.GIFTS
                            ? validated.limit(Math.toIntExact(validated.count() - 1))
                            : validated));

    String partition = ledger.resolve("gifts/dt=" + NIGHT).toString();
    String message = failure.getMessage();
    assertTrue(
        message.startsWith(
            "Counts of gifts do not reconcile for "
                + partition
                + ": its files hold "
                + inFiles
                + " rows but "
                + (inFiles - 1)
                + " were accounted for ("),
        message);
    assertTrue(message.endsWith(" quarantined); the night stops, nothing is published"), message);
    assertEquals(1, message.lines().count(), "one plain line: " + message);
    assertStoppedBeforeStaging(warehouse, out, "gifts");
  }

  @Test
  void aSnapshotRowValidationMakesTwiceStopsTheNightToo(@TempDir Path warehouse) {
    long inFiles = rowsTheReaderHandsOn(LedgerTable.ACCOUNTS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    NightFailure failure =
        assertThrows(
            NightFailure.class,
            () ->
                ingest(
                    warehouse,
                    out,
                    (table, validated) ->
                        table == LedgerTable.ACCOUNTS
                            ? validated.unionAll(validated.limit(1))
                            : validated));

    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "Counts of accounts do not reconcile for "
                    + ledger.resolve("accounts/dt=" + NIGHT)
                    + ": its files hold "
                    + inFiles
                    + " rows but "
                    + (inFiles + 1)
                    + " were accounted for ("),
        failure.getMessage());
    assertStoppedBeforeStaging(warehouse, out, "accounts");
  }

  /** Nothing staged for publication, nothing published, and no counts printed for the table. */
  private static void assertStoppedBeforeStaging(
      Path warehouse, ByteArrayOutputStream out, String table) {
    assertFalse(
        Files.exists(warehouse.resolve("_giftpay/staging/dt=" + NIGHT + "/tables/night_counts")),
        "night_counts not staged");
    assertFalse(
        Files.exists(warehouse.resolve("_giftpay/staging/dt=" + NIGHT + "/tables/quarantine")),
        "quarantine not staged");
    assertFalse(Files.exists(warehouse.resolve("night_counts")), "nothing published");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertFalse(printed.contains("[ingest] " + table + ": "), printed);
  }

  private static List<TableCounts> ingest(
      Path warehouse,
      ByteArrayOutputStream out,
      BiFunction<LedgerTable, Dataset<Row>, Dataset<Row>> afterValidation) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    WarehouseLayout layout =
        new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouse.toString()));
    try (Progress progress = new Progress(new PrintStream(out, true, StandardCharsets.UTF_8))) {
      NightContext context =
          new NightContext(
              NIGHT,
              false,
              spark,
              ledgerLayout(),
              layout,
              new WarehouseFiles(layout.root(), hadoop),
              PayoutPolicyFile.load(config.policyFile()),
              GiftCatalogue.load(config.catalogueFile()),
              List.of(),
              config,
              progress);
      return new IngestNight(context, afterValidation).run();
    }
  }

  /** The rows the ledger reader hands validation: every file read on its own, each row parsed. */
  private static long rowsTheReaderHandsOn(LedgerTable table) {
    LedgerLayout layout = ledgerLayout();
    return new LedgerReader(spark, layout)
        .readParsed(table, layout.partition(table, NIGHT))
        .count();
  }

  private static LedgerLayout ledgerLayout() {
    return new LedgerLayout(
        new org.apache.hadoop.fs.Path(ledger.toString()),
        spark.sparkContext().hadoopConfiguration());
  }
}
