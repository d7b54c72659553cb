package io.giftpay.spark;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.Footer;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat$;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The footer of one landed Parquet ledger file, read once on the driver: its row count for {@link
 * SourceRowCounts} and its Spark schema for {@link LedgerReader}. Spark would find the schema with
 * a job of its own per file (its schema inference reads footers in a job even for one file); the
 * footer holds the answer. A file with no readable footer (a torn upload) stops the night, naming
 * the file.
 */
final class LedgerParquetFooter {
  private final Path file;
  private final ParquetMetadata footer;

  private LedgerParquetFooter(Path file, ParquetMetadata footer) {
    this.file = file;
    this.footer = footer;
  }

  static LedgerParquetFooter read(Path file, Configuration conf) {
    try {
      return new LedgerParquetFooter(file, ParquetFolder.footer(file, conf));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Invalid ledger file "
              + file
              + ": not a readable Parquet file ("
              + e.getMessage()
              + "); the night stops, nothing is published (land the file again whole)",
          e);
    }
  }

  /** The rows the footer's row groups hold. */
  long rows() {
    return ParquetFolder.rows(footer);
  }

  /**
   * The schema Spark's own inference gives this file: Spark's conversion of the footer (its Spark
   * schema if a Spark wrote it, else the Parquet types under the session's settings).
   */
  StructType sparkSchema(SparkSession spark) {
    return ParquetFileFormat$.MODULE$
        .readSchema(CollectionConverters.asScala(List.of(new Footer(file, footer))).toSeq(), spark)
        .getOrElse(
            () -> {
              throw new IllegalArgumentException(
                  "Invalid ledger file " + file + ": its Parquet footer holds no schema");
            });
  }
}
