package io.giftpay.spark;

import static io.giftpay.testing.TestTrees.SAMPLE_LEDGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.giftpay.testing.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger reader takes a CSV file's columns from its header, read on the driver, instead of
 * Spark's job per file: they must be exactly the columns Spark's own read finds, for the sample
 * ledger's files and for headers upstream gets wrong.
 */
class LedgerCsvHeaderSparkTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void theHeaderGivesSparksColumnsForEverySampleLedgerCsvFile() throws Exception {
    List<Path> files = TestTrees.filesEndingWith(SAMPLE_LEDGER, ".csv");
    assertFalse(files.isEmpty(), "the sample ledger has CSV files under " + SAMPLE_LEDGER);
    for (Path file : files) {
      assertSameColumnsAsSpark(file);
    }
  }

  @Test
  void oddHeadersGiveSparksColumns() throws Exception {
    String[] headers = {
      "\uFEFFevent_id, Event_Time ,user_id\r\nw1,2026-11-01T00:00:00Z,u1\r\n",
      "event_id,event_id,Event_ID\nw1,w2,w3\n",
      "event_id,,coins,\nw1,x,5,y\n",
      "\"event\nid\",\"co\"\"ins\"\nw1,5\n",
      "event_id,coins\n",
      "event_id;coins\nw1;5\n",
    };
    for (int i = 0; i < headers.length; i++) {
      Path file = dir.resolve("header-" + i + ".csv");
      Files.writeString(file, headers[i]);
      assertSameColumnsAsSpark(file);
    }
  }

  private void assertSameColumnsAsSpark(Path file) {
    StructType spark = LedgerReader.csvReader(this.spark).csv(file.toString()).schema();
    StructType header =
        LedgerCsvHeader.schema(
            this.spark, new org.apache.hadoop.fs.Path(file.toUri()), LedgerReader.CSV_OPTIONS);
    assertEquals(spark, header, file.toString());
    assertEquals(
        spark,
        LedgerReader.csvReader(this.spark).schema(header).csv(file.toString()).schema(),
        file.toString());
  }
}
