package io.giftpay.spark;

import io.giftpay.warehouse.LedgerLayout;
import io.giftpay.warehouse.LedgerLayout.LedgerFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows a ledger partition's files hold, counted from the files themselves, apart from parsing
 * and validation, so a night can show it accounted for every one of them ({@code rows_read =
 * accepted + duplicates + quarantined}) instead of adding up what validation handed on.
 *
 * <ul>
 *   <li>Parquet: the sum of the row groups' row counts in each file's footer (parquet-mr's {@link
 *       ParquetFileReader}); no data page is read and no Spark job runs.
 *   <li>CSV: the records of a plain Spark read with the options {@link LedgerReader} reads with
 *       ({@link LedgerReader#csvReader}: header, multi-line, RFC 4180 quotes, PERMISSIVE), counted
 *       as they are, no contract column parsed: the header is not a record, a quoted newline does
 *       not start one. All CSV files of a partition are counted in one Spark job.
 * </ul>
 *
 * The files are those {@link LedgerLayout#files} lists, the ones {@link LedgerReader} reads.
 */
public final class SourceRowCounts {
  private static final StructType ANY_COLUMNS =
      new StructType().add("record", DataTypes.StringType, true);

  private final SparkSession spark;
  private final LedgerLayout layout;

  public SourceRowCounts(SparkSession spark, LedgerLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  /** Rows in every ledger file of the partition, Parquet and CSV together. */
  public long rows(Path partition) {
    return rows(layout.files(partition));
  }

  /** Rows in the given ledger files, Parquet and CSV together. */
  public long rows(List<LedgerFile> files) {
    long rows = 0;
    List<String> csv = new ArrayList<>();
    for (LedgerFile file : files) {
      switch (file.format()) {
        case PARQUET -> rows += parquetRows(file.path());
        case CSV -> csv.add(file.path().toString());
      }
    }
    return rows + csvRecords(csv);
  }

  /** The rows a Parquet file's footer says its row groups hold. */
  public long parquetRows(Path file) {
    return LedgerParquetFooter.read(file, spark.sparkContext().hadoopConfiguration()).rows();
  }

  /**
   * The records of the CSV files (their headers not counted), in one Spark job. A count needs no
   * column, so the schema is given rather than read from a header (which would cost a job of its
   * own): the records are the same whatever the schema.
   */
  public long csvRecords(List<String> files) {
    if (files.isEmpty()) {
      return 0;
    }
    return LedgerReader.csvReader(spark)
        .schema(ANY_COLUMNS)
        .csv(files.toArray(String[]::new))
        .count();
  }
}
