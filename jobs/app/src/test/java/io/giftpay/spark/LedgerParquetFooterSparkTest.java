package io.giftpay.spark;

import static io.giftpay.testing.TestTrees.SAMPLE_LEDGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.testing.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger reader takes a Parquet file's schema from its footer instead of Spark's inference job:
 * the file read with it must have exactly the schema Spark's inference gives, for files parquet-mr
 * wrote (the committed sample ledger's, no Spark metadata) and files Spark wrote.
 */
class LedgerParquetFooterSparkTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void theFooterSchemaIsTheSchemaSparkInfersForParquetMrFiles() throws Exception {
    List<Path> files = TestTrees.filesEndingWith(SAMPLE_LEDGER, ".parquet");
    assertFalse(files.isEmpty(), "the sample ledger has Parquet files under " + SAMPLE_LEDGER);
    for (Path file : files) {
      assertEquals(
          spark.read().parquet(file.toString()).schema(),
          readWithFooterSchema(file),
          file.toString());
    }
  }

  @Test
  void theFooterSchemaIsTheSchemaSparkInfersForSparkFiles() throws Exception {
    rows("event_id string, coins bigint, at timestamp, ok boolean", row("e1", 5L, null, true))
        .coalesce(1)
        .write()
        .parquet(dir.resolve("spark").toString());
    Path file;
    try (Stream<Path> list = Files.list(dir.resolve("spark"))) {
      file = list.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    assertEquals(spark.read().parquet(file.toString()).schema(), readWithFooterSchema(file));
    assertEquals(1, footer(file).rows());
  }

  @Test
  void aParquetFileCutInHalfIsRefusedNamingTheFile() throws Exception {
    Path whole = TestTrees.filesEndingWith(SAMPLE_LEDGER.resolve("accounts"), ".parquet").get(0);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("accounts-cut-in-half.parquet");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> footer(cut));
    assertTrue(
        failure.getMessage().startsWith("Invalid ledger file file:" + cut + ": not a readable"),
        failure.getMessage());
  }

  /** The schema of the file read as {@link LedgerReader} reads it, with the footer's schema. */
  private org.apache.spark.sql.types.StructType readWithFooterSchema(Path file) {
    return spark.read().schema(footer(file).sparkSchema(spark)).parquet(file.toString()).schema();
  }

  private LedgerParquetFooter footer(Path file) {
    return LedgerParquetFooter.read(
        new org.apache.hadoop.fs.Path(file.toUri()), spark.sparkContext().hadoopConfiguration());
  }
}
