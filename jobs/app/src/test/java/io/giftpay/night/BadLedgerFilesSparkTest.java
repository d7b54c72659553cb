package io.giftpay.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.ledger.TableCounts;
import io.giftpay.payout.PayoutPolicyFile;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.testing.TestTrees;
import io.giftpay.warehouse.LedgerLayout;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of broken file that lands in a ledger partition gets a plain answer and loses nothing:
 * its rows go to quarantine one by one with their reason, or the night stops in ingest naming the
 * file and what is wrong, before anything is staged. Each test lands one broken file, named after
 * its defect, beside the good files of a generated night, and runs the real ingest.
 */
class BadLedgerFilesSparkTest extends SparkTestBase {
  private static final Path RULES = Path.of("../../rules").toAbsolutePath().normalize();
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 1);

  @TempDir static Path shared;
  private static Path goodLedger;
  private static GiftpayConfig config;
  private static Map<String, TableCounts> good;

  @BeforeAll
  static void generateLedgerAndIngestItAsItCame() throws Exception {
    config = GiftpayConfig.defaults().with(GiftpayConfig.RULES_DIR, RULES.toString());
    goodLedger = shared.resolve("good-ledger");
    // Mixed: every event partition holds one Parquet file and one CSV file.
    LedgerGenerator.generate(
        new GeneratorOptions(
                goodLedger,
                NIGHT,
                1,
                80,
                8,
                5L,
                LedgerFormat.MIXED,
                GiftCatalogue.load(config.catalogueFile()).coinsByGiftId())
            .withoutPatterns(),
        line -> {});
    good =
        byTable(ingest(goodLedger, shared.resolve("good-warehouse"), new ByteArrayOutputStream()));
  }

  @Test
  void aCsvFileCutOffInsideARecordQuarantinesThatRecordAndKeepsTheRest(@TempDir Path dir)
      throws Exception {
    Path ledger = copyOfTheGoodLedger(dir);
    Path csv = csvOf(ledger, "rewards");
    String record = Files.readAllLines(csv).get(1);
    // The upload stopped in the middle of its last record: two fields came, the rest did not.
    String cut = "cut-" + record.substring(0, record.indexOf(',', record.indexOf(',') + 1));
    Path truncated = csv.resolveSibling("truncated-mid-record.csv");
    String text = Files.readString(csv);
    String newline =
        text.contains("\r\n") ? "\r\n" : "\n"; // RFC 4180 says CRLF; keep the file's own
    Files.writeString(truncated, text.stripTrailing() + newline + cut);
    Files.delete(csv);

    Map<String, TableCounts> counts =
        byTable(ingest(ledger, dir.resolve("warehouse"), new ByteArrayOutputStream()));
    TableCounts rewards = counts.get("rewards");
    assertEquals(
        good.get("rewards").rowsRead() + 1, rewards.rowsRead(), "the cut record is a row read");
    assertEquals(good.get("rewards").quarantined() + 1, rewards.quarantined(), rewards.toString());
    assertEquals(
        good.get("rewards").accepted(),
        rewards.accepted(),
        "every whole record still accepted: " + rewards);
    Row quarantined =
        spark
            .read()
            .parquet(
                dir.resolve("warehouse/_giftpay/staging/dt=" + NIGHT + "/tables/quarantine")
                    .toString())
            .filter("source_table = 'rewards' AND event_id LIKE 'cut-%'")
            .first();
    assertEquals("MISSING_FIELD", quarantined.getAs("reason"), quarantined.toString());
    assertEquals(
        "rewards/dt=" + NIGHT + "/truncated-mid-record.csv", quarantined.getAs("source_file"));
  }

  @Test
  void aParquetFileCutInHalfStopsTheNightNamingTheFile(@TempDir Path dir) throws Exception {
    Path ledger = copyOfTheGoodLedger(dir);
    Path parquet = parquetOf(ledger, "gifts");
    byte[] bytes = Files.readAllBytes(parquet);
    Path cut = parquet.resolveSibling("parquet-cut-in-half.parquet");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    Files.delete(parquet);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class, () -> ingest(ledger, dir.resolve("warehouse"), out));
    assertTrue(
        failure
            .getMessage()
            .startsWith("Invalid ledger file file:" + cut + ": not a readable Parquet file ("),
        failure.getMessage());
    assertTrue(
        failure
            .getMessage()
            .endsWith("the night stops, nothing is published (land the file again whole)"),
        failure.getMessage());
    assertEquals(1, failure.getMessage().lines().count(), failure.getMessage());
    assertNothingStaged(dir.resolve("warehouse"));
  }

  @Test
  void aZeroByteFileHoldsNoRowsAndTheNightSaysItWasNotRead(@TempDir Path dir) throws Exception {
    Path ledger = copyOfTheGoodLedger(dir);
    Path empty = Files.createFile(ledger.resolve("gifts/dt=" + NIGHT + "/zero-bytes.csv"));
    Files.createFile(ledger.resolve("gifts/dt=" + NIGHT + "/zero-bytes.parquet"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, TableCounts> counts = byTable(ingest(ledger, dir.resolve("warehouse"), out));
    assertEquals(good.get("gifts"), counts.get("gifts"), "nothing more read, nothing lost");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        printed.contains(
            "[ingest] gifts: file:" + empty + " is empty (0 bytes): no rows, not read"),
        printed);
  }

  @Test
  void aFileWithColumnsTheContractLacksIsReadForTheContractsColumnsAndTheOthersAreNamed(
      @TempDir Path dir) throws Exception {
    Path ledger = copyOfTheGoodLedger(dir);
    Path csv = csvOf(ledger, "recharges");
    List<String> lines = Files.readAllLines(csv);
    Path widened = csv.resolveSibling("unexpected-columns.csv");
    Files.write(
        widened,
        Stream.concat(
                Stream.of(lines.get(0) + ",promo_code,campaign_note"),
                lines.stream().skip(1).map(line -> line + ",SPRING,\"a, quoted note\""))
            .toList());
    Files.delete(csv);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, TableCounts> counts = byTable(ingest(ledger, dir.resolve("warehouse"), out));
    assertEquals(
        good.get("recharges"),
        counts.get("recharges"),
        "the same rows accepted and quarantined as without the columns");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        printed.contains(
            "[ingest] recharges/dt="
                + NIGHT
                + "/unexpected-columns.csv: columns [promo_code, campaign_note]"
                + " are not in the contract and were not read"),
        printed);
  }

  @Test
  void theSameFileLandedTwiceUnderTwoNamesCountsItsRowsOnceAndTheCopyAsDuplicates(@TempDir Path dir)
      throws Exception {
    Path ledger = copyOfTheGoodLedger(dir);
    Path parquet = parquetOf(ledger, "gifts");
    Files.copy(parquet, parquet.resolveSibling("landed-twice-copy.parquet"));
    long copied = rowsOf(parquet);
    // The copy's broken rows are rows read too: they go to quarantine again, each with its reason.
    long broken =
        spark
            .read()
            .parquet(
                shared
                    .resolve("good-warehouse/_giftpay/staging/dt=" + NIGHT + "/tables/quarantine")
                    .toString())
            .filter(
                org.apache
                    .spark
                    .sql
                    .functions
                    .col("source_file")
                    .equalTo("gifts/dt=" + NIGHT + "/" + parquet.getFileName()))
            .count();

    Map<String, TableCounts> counts =
        byTable(ingest(ledger, dir.resolve("warehouse"), new ByteArrayOutputStream()));
    TableCounts gifts = counts.get("gifts");
    TableCounts before = good.get("gifts");
    assertEquals(before.rowsRead() + copied, gifts.rowsRead(), gifts.toString());
    assertEquals(before.accepted(), gifts.accepted(), "each event accepted once: " + gifts);
    assertEquals(before.duplicates() + copied - broken, gifts.duplicates(), gifts.toString());
    assertEquals(before.quarantined() + broken, gifts.quarantined(), gifts.toString());
  }

  @Test
  void aFileOfAnUnknownKindStopsTheNightNamingTheFile(@TempDir Path dir) throws Exception {
    Path ledger = copyOfTheGoodLedger(dir);
    Path json =
        Files.writeString(
            ledger.resolve("reversals/dt=" + NIGHT + "/not-a-ledger-format.json"),
            "{\"event_id\": \"r1\"}\n");

    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class,
            () -> ingest(ledger, dir.resolve("warehouse"), new ByteArrayOutputStream()));
    assertTrue(
        failure
            .getMessage()
            .startsWith("Invalid ledger file file:" + json + ": neither .parquet nor .csv"),
        failure.getMessage());
    assertNothingStaged(dir.resolve("warehouse"));
  }

  private static void assertNothingStaged(Path warehouse) {
    assertFalse(
        Files.exists(warehouse.resolve("_giftpay/staging/dt=" + NIGHT + "/tables/night_counts")),
        "night_counts not staged");
    assertFalse(
        Files.exists(warehouse.resolve("_giftpay/staging/dt=" + NIGHT + "/tables/quarantine")),
        "quarantine not staged");
  }

  private static long rowsOf(Path parquet) {
    return spark.read().parquet(parquet.toString()).count();
  }

  private static Path csvOf(Path ledger, String table) throws Exception {
    return fileOf(ledger, table, ".csv");
  }

  private static Path parquetOf(Path ledger, String table) throws Exception {
    return fileOf(ledger, table, ".parquet");
  }

  private static Path fileOf(Path ledger, String table, String suffix) throws Exception {
    try (Stream<Path> files = Files.list(ledger.resolve(table + "/dt=" + NIGHT))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .findFirst()
          .orElseThrow();
    }
  }

  private static Path copyOfTheGoodLedger(Path dir) throws Exception {
    Path copy = dir.resolve("ledger");
    TestTrees.copyTree(goodLedger, copy);
    return copy;
  }

  private static Map<String, TableCounts> byTable(List<TableCounts> counts) {
    return counts.stream().collect(Collectors.toMap(TableCounts::table, c -> c));
  }

  private static List<TableCounts> ingest(Path ledger, Path warehouse, ByteArrayOutputStream out) {
    WarehouseLayout layout =
        new WarehouseLayout(new org.apache.hadoop.fs.Path(warehouse.toString()));
    LedgerLayout ledgerLayout =
        new LedgerLayout(
            new org.apache.hadoop.fs.Path(ledger.toString()),
            spark.sparkContext().hadoopConfiguration());
    try (Progress progress = new Progress(new PrintStream(out, true, StandardCharsets.UTF_8))) {
      NightContext context =
          new NightContext(
              NIGHT,
              false,
              spark,
              ledgerLayout,
              layout,
              new WarehouseFiles(layout.root(), spark.sparkContext().hadoopConfiguration()),
              PayoutPolicyFile.load(config.policyFile()),
              GiftCatalogue.load(config.catalogueFile()),
              List.of(),
              config,
              progress);
      return new IngestNight(context, (table, validated) -> validated).run();
    }
  }
}
