package io.giftpay.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.sample.GeneratorOptions;
import io.giftpay.sample.LedgerFormat;
import io.giftpay.sample.LedgerGenerator;
import io.giftpay.spark.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that lands in a partition after its night ran is not lost: the next night sees that no
 * night read it, takes its rows as late events (counted in {@code night_counts.late_rows}) and
 * records that it read it, so no later night takes it again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LateFilesTest extends SparkTestBase {
  private static final Path RULES = Path.of("../../rules").toAbsolutePath().normalize();
  private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
  private static final int LATE_ROWS = 5;

  @TempDir static Path dir;
  private static Path ledger;
  private static Path warehouse;
  private static String night2Output;

  @BeforeAll
  static void runANightLandALateFileRunTheNext() throws Exception {
    System.setProperty("giftpay.rules.dir", RULES.toString());
    System.setProperty("giftpay.model.enabled", "false");
    ledger = dir.resolve("ledger");
    LedgerGenerator.generate(
        new GeneratorOptions(
                ledger,
                NIGHT_1,
                3,
                150,
                12,
                17L,
                LedgerFormat.CSV,
                GiftCatalogue.load(RULES.resolve("gift-catalogue.csv")).coinsByGiftId())
            .withoutPatterns(),
        line -> {});
    warehouse = dir.resolve("warehouse");
    run("nightly", "--date", NIGHT_1.toString());

    // After night 1 ran, upstream lands one more file of night 1's gifts: new events, same day.
    Path partition = ledger.resolve("gifts/dt=" + NIGHT_1);
    List<String> lines;
    try (Stream<Path> files = Files.list(partition)) {
      // The partition's largest CSV file, for rows enough to copy.
      lines =
          files
              .filter(f -> f.toString().endsWith(".csv"))
              .map(LateFilesTest::lines)
              .max(java.util.Comparator.comparingInt(List::size))
              .orElseThrow();
    }
    assertTrue(lines.size() > LATE_ROWS, "the generated night has rows enough: " + lines.size());
    StringBuilder late = new StringBuilder(lines.get(0)).append('\n');
    lines.stream()
        .skip(1)
        .limit(LATE_ROWS)
        .forEach(line -> late.append("late-").append(line).append('\n'));
    Files.writeString(partition.resolve("landed-after-its-night.csv"), late.toString());

    night2Output = run("nightly", "--date", NIGHT_2.toString());
  }

  @AfterAll
  static void clearSettings() {
    System.clearProperty("giftpay.rules.dir");
    System.clearProperty("giftpay.model.enabled");
  }

  @Test
  @Order(1)
  void theNextNightReadsTheLateFilesRowsAsLateEventsAndCountsThem() {
    assertTrue(
        night2Output.contains(
            "[ingest] gifts: 1 file(s) landed in earlier partitions after their nights ran, "
                + LATE_ROWS
                + " rows read tonight as late events"),
        night2Output);
    Row gifts =
        spark
            .read()
            .parquet(warehouse.resolve("night_counts/dt=" + NIGHT_2).toString())
            .filter(col("source_table").equalTo("gifts"))
            .first();
    assertEquals(LATE_ROWS, gifts.<Long>getAs("late_rows"));
    assertEquals(
        gifts.<Long>getAs("rows_read"),
        gifts.<Long>getAs("accepted")
            + gifts.<Long>getAs("duplicates")
            + gifts.<Long>getAs("quarantined"));
    Row recharges =
        spark
            .read()
            .parquet(warehouse.resolve("night_counts/dt=" + NIGHT_2).toString())
            .filter(col("source_table").equalTo("recharges"))
            .first();
    assertEquals(0L, recharges.<Long>getAs("late_rows"));

    // Accepted on night 2, under their own event date: credited like any late event.
    Dataset<Row> accepted =
        spark
            .read()
            .parquet(warehouse.resolve("_giftpay/events/gifts").toString())
            .filter(col("event_id").startsWith("late-"));
    assertEquals(LATE_ROWS, accepted.count(), "every late row accepted once");
    assertEquals(
        List.of(NIGHT_2.toString()),
        accepted
            .select(col("night").cast("string"))
            .distinct()
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
  }

  @Test
  @Order(2)
  void noLaterNightTakesTheFileAgain() throws Exception {
    String night3 = run("nightly", "--date", NIGHT_2.plusDays(1).toString());
    assertTrue(
        !night3.contains("as late events"),
        "night 2 recorded that it read the late file:\n" + night3);
    Row gifts =
        spark
            .read()
            .parquet(warehouse.resolve("night_counts/dt=" + NIGHT_2.plusDays(1)).toString())
            .filter(col("source_table").equalTo("gifts"))
            .first();
    assertEquals(0L, gifts.<Long>getAs("late_rows"));
    assertTrue(
        Files.readString(
                warehouse.resolve("_giftpay/ingest/files_read/dt=" + NIGHT_2 + "/gifts.txt"))
            .contains("gifts/dt=" + NIGHT_1 + "/landed-after-its-night.csv"),
        "night 2's list of files read names the late file");
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--ledger", ledger.toString(), "--warehouse", warehouse.toString()));
    int status =
        Giftpay.run(
            all,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    return printed;
  }
}
