package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.warehouse.LedgerLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows counted from the files themselves: Parquet footers, raw CSV records, no contract parsing.
 */
class SourceRowCountsSparkTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  @TempDir Path ledger;

  @Test
  void aParquetFilesRowsAreTheSumOfItsRowGroupsInTheFooter() throws Exception {
    Path partition = Files.createDirectories(ledger.resolve("rewards/dt=" + DAY));
    Path file = parquet(partition, "p.parquet", 5);
    assertTrue(
        rowGroups(file) > 1,
        "the file has several row groups, so the count is their sum: " + rowGroups(file));

    assertEquals(5, counts().parquetRows(hadoop(file)));
  }

  @Test
  void aCsvFilesRecordsAreCountedRawQuotedNewlinesAndBrokenRowsIncluded() throws Exception {
    Path partition = Files.createDirectories(ledger.resolve("rewards/dt=" + DAY));
    Files.writeString(
        partition.resolve("a.csv"),
        "event_id,event_time,user_id,campaign_id,coins\n"
            + "w1,2026-11-01T01:00:00Z,u1,\"two\nlines\",10\n"
            + "w2,2026-11-01T02:00:00Z,u2,\"a \"\"quoted\"\", one\",20\n"
            // Broken rows are records too: one that does not parse, one short of fields, one with a
            // field too many.
            + "w3,not-a-time,u3,c,thirty\n"
            + "w4,2026-11-01T04:00:00Z\n"
            + "w5,2026-11-01T05:00:00Z,u5,c,50,one field too many\n");
    Files.writeString(partition.resolve("b.csv"), "coins,event_id\n");

    SourceRowCounts counts = counts();
    assertEquals(
        5,
        counts.csvRecords(List.of(partition.resolve("a.csv").toString())),
        "the header is not a record, a quoted newline does not start one");
    assertEquals(
        0,
        counts.csvRecords(List.of(partition.resolve("b.csv").toString())),
        "a header alone holds no rows");
    assertEquals(5, counts.rows(hadoop(partition)));
    assertEquals(
        5,
        new LedgerReader(spark, layout())
            .readParsed(LedgerTable.REWARDS, hadoop(partition))
            .count(),
        "the reader hands every record to validation too, to be accepted or quarantined");
  }

  @Test
  void aPartitionsRowsAreItsLedgerFilesRowsTheOnesTheReaderReads() throws Exception {
    Path partition = Files.createDirectories(ledger.resolve("rewards/dt=" + DAY));
    Files.writeString(
        partition.resolve("a.csv"),
        "event_id,event_time,user_id,campaign_id,coins\n"
            + "w1,2026-11-01T01:00:00Z,u1,\"multi\nline\",10\n"
            + "w2,2026-11-01T02:00:00Z,u2,c,20\n");
    Files.writeString(
        partition.resolve("b.csv"),
        "coins,campaign_id,user_id,event_time,event_id\n" + "30,c,u3,2026-11-01T03:00:00Z,w3\n");
    parquet(partition, "c.parquet", 5);
    Files.writeString(partition.resolve("_SUCCESS"), "");
    Files.writeString(partition.resolve(".upload-in-progress.csv"), "event_id\nw9\n");

    LedgerLayout layout = layout();
    org.apache.hadoop.fs.Path dir = layout.partition(LedgerTable.REWARDS, DAY);
    assertEquals(
        8,
        counts().rows(dir),
        "2 + 1 CSV records and 5 Parquet rows; _SUCCESS and the hidden upload are not ledger files");
    assertEquals(
        8,
        new LedgerReader(spark, layout).readParsed(LedgerTable.REWARDS, dir).count(),
        "what the reader hands validation");
  }

  /**
   * A Parquet file of {@code rows} rewards rows, in row groups of two rows, moved up as upstream
   * lands one.
   */
  private Path parquet(Path partition, String name, int rows) throws Exception {
    Object[][] values = new Object[rows][];
    for (int i = 0; i < rows; i++) {
      values[i] =
          row("p" + i, Instant.parse("2026-11-01T05:00:00Z").plusSeconds(i), "u" + i, "c", 10L + i);
    }
    Path folder = partition.resolve(name + ".d");
    rows(
            "event_id string, event_time timestamp, user_id string, campaign_id string, coins bigint",
            values)
        .coalesce(1)
        .write()
        // Row groups of two rows, so one file has several.
        .option("parquet.block.row.count.limit", "2")
        .parquet(folder.toString());
    Path written;
    try (Stream<Path> files = Files.list(folder)) {
      written = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Path file = Files.move(written, partition.resolve(name));
    try (Stream<Path> left = Files.list(folder)) {
      for (Path p : left.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(folder);
    return file;
  }

  private static int rowGroups(Path file) throws Exception {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(hadoop(file), spark.sparkContext().hadoopConfiguration()))) {
      return reader.getFooter().getBlocks().size();
    }
  }

  private SourceRowCounts counts() {
    return new SourceRowCounts(spark, layout());
  }

  private LedgerLayout layout() {
    return new LedgerLayout(hadoop(ledger), spark.sparkContext().hadoopConfiguration());
  }

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toString());
  }
}
