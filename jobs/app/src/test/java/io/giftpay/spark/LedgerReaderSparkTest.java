package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.warehouse.LedgerLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerReaderSparkTest extends SparkTestBase {
  @TempDir Path ledger;

  @Test
  void readsCsvWithAnyColumnOrderAndParquetInOnePartition() throws Exception {
    Path partition = ledger.resolve("rewards/dt=2026-11-01");
    Files.createDirectories(partition);
    Files.writeString(
        partition.resolve("a.csv"),
        "event_id,event_time,user_id,campaign_id,coins\n"
            + "w1,2026-11-01T01:00:00Z,u1,\"summer, \"\"big\"\" one\",10\n");
    Files.writeString(
        partition.resolve("b.csv"),
        "coins,campaign_id,user_id,event_time,event_id\n"
            + "20,\"multi\nline\",u2,2026-11-01T02:00:00Z,w2\n");
    rows(
            "event_id string, event_time timestamp, user_id string, campaign_id string, coins bigint",
            row("w3", java.time.Instant.parse("2026-11-01T03:00:00Z"), "u3", "c", 30L))
        .coalesce(1)
        .write()
        .parquet(partition.resolve("c").toString());
    // Spark writes a folder; move its one Parquet file up as upstream would land it.
    Path written =
        Files.list(partition.resolve("c"))
            .filter(p -> p.toString().endsWith(".parquet"))
            .findFirst()
            .orElseThrow();
    Files.move(written, partition.resolve("c.parquet"));
    Files.writeString(partition.resolve("_SUCCESS"), "");
    // Hidden: an upload still in progress, even with a ledger suffix (a .txt beside it would stop
    // the night).
    Files.writeString(partition.resolve(".upload-in-progress.csv"), "event_id\nw9\n");

    LedgerLayout layout =
        new LedgerLayout(
            new org.apache.hadoop.fs.Path(ledger.toString()),
            spark.sparkContext().hadoopConfiguration());
    List<Row> read =
        new LedgerReader(spark, layout)
            .readParsed(
                LedgerTable.REWARDS,
                layout.partition(LedgerTable.REWARDS, LocalDate.of(2026, 11, 1)))
            .orderBy("event_id")
            .collectAsList();

    assertEquals(
        3,
        read.size(),
        "three data files; _SUCCESS, the hidden upload and the c/ folder are not ledger files");
    assertEquals("summer, \"big\" one", read.get(0).getAs("campaign_id"), "RFC 4180 quoting");
    assertEquals("multi\nline", read.get(1).getAs("campaign_id"), "quoted newline");
    assertEquals(20L, (long) read.get(1).getAs("coins"), "columns matched by name, not position");
    assertEquals(30L, (long) read.get(2).getAs("coins"));
    assertEquals(
        "rewards/dt=2026-11-01/b.csv", read.get(1).getAs(ParseContractColumns.SOURCE_FILE));
    assertEquals(
        "rewards/dt=2026-11-01/c.parquet", read.get(2).getAs(ParseContractColumns.SOURCE_FILE));
  }

  @Test
  void aByteOrderMarkAndPaddedHeaderNamesStillMatch() throws Exception {
    Path partition = ledger.resolve("rewards/dt=2026-11-02");
    Files.createDirectories(partition);
    Files.writeString(
        partition.resolve("bom.csv"),
        "\uFEFFevent_id, Event_Time ,user_id,campaign_id,coins\r\nw9,2026-11-02T01:00:00+0100,u9,c,5\r\n");
    LedgerLayout layout =
        new LedgerLayout(
            new org.apache.hadoop.fs.Path(ledger.toString()),
            spark.sparkContext().hadoopConfiguration());
    Row row =
        new LedgerReader(spark, layout)
            .readParsed(
                LedgerTable.REWARDS,
                layout.partition(LedgerTable.REWARDS, LocalDate.of(2026, 11, 2)))
            .first();
    assertEquals("w9", row.getAs("event_id"));
    assertEquals(java.time.Instant.parse("2026-11-02T00:00:00Z"), row.getAs("event_time"));
    assertEquals(null, row.<String>getAs(ParseContractColumns.MISSING_COLUMN));
    assertEquals(5L, (long) row.getAs("coins"), "CRLF line ends are fine");
  }

  @Test
  void findsTheNewestSnapshotAtOrBeforeTheNight() throws Exception {
    for (String dt : List.of("2026-10-28", "2026-11-01", "2026-11-04", "not-a-date")) {
      Files.createDirectories(ledger.resolve("fx_rates/dt=" + dt));
    }
    LedgerLayout layout =
        new LedgerLayout(
            new org.apache.hadoop.fs.Path(ledger.toString()),
            spark.sparkContext().hadoopConfiguration());
    assertEquals(
        LocalDate.of(2026, 11, 1),
        layout.snapshotAsOf(LedgerTable.FX_RATES, LocalDate.of(2026, 11, 3)).orElseThrow());
    assertEquals(
        LocalDate.of(2026, 11, 4),
        layout.snapshotAsOf(LedgerTable.FX_RATES, LocalDate.of(2026, 11, 4)).orElseThrow());
    assertEquals(
        true, layout.snapshotAsOf(LedgerTable.FX_RATES, LocalDate.of(2026, 10, 1)).isEmpty());
    assertEquals(
        true, layout.snapshotAsOf(LedgerTable.ACCOUNTS, LocalDate.of(2026, 11, 4)).isEmpty());
  }
}
