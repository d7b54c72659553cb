package io.giftpay.spark;

import static org.apache.spark.sql.functions.lit;

import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.warehouse.LedgerLayout;
import io.giftpay.warehouse.LedgerLayout.LedgerFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one ledger partition, CSV and Parquet files mixed, into parsed contract rows. Each file is
 * read on its own, so CSV headers may name the columns in any order.
 */
public final class LedgerReader {
  private final SparkSession spark;
  private final LedgerLayout layout;
  private final Map<String, List<String>> unreadColumns = new TreeMap<>();

  public LedgerReader(SparkSession spark, LedgerLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  public Dataset<Row> readParsed(LedgerTable table, Path partition) {
    return readParsed(table, layout.files(partition));
  }

  /**
   * The given ledger files of one table (a partition's, and files that landed late in earlier
   * ones).
   */
  public Dataset<Row> readParsed(LedgerTable table, List<LedgerFile> files) {
    ParseContractColumns parse = new ParseContractColumns(table);
    Dataset<Row> all = null;
    for (LedgerFile file : files) {
      Dataset<Row> read = read(file);
      List<String> unread = unreadColumns(table, read.columns());
      if (!unread.isEmpty()) {
        unreadColumns.put(layout.relativeName(file.path()), unread);
      }
      Dataset<Row> raw =
          read.withColumn(ParseContractColumns.SOURCE_FILE, lit(layout.relativeName(file.path())));
      Dataset<Row> parsed = parse.apply(raw);
      all = all == null ? parsed : all.unionAll(parsed);
    }
    return all != null ? all : spark.createDataFrame(List.of(), parsedSchema(table));
  }

  /**
   * Columns of the files read so far that the contract does not name, by file: not read, and
   * reported, so that a column upstream renamed is seen (its contract name then goes missing, and
   * the rows to quarantine as MISSING_FIELD).
   */
  public Map<String, List<String>> unreadColumns() {
    return Collections.unmodifiableMap(unreadColumns);
  }

  private static List<String> unreadColumns(LedgerTable table, String[] fileColumns) {
    Set<String> contract = new HashSet<>();
    table.columns().forEach(c -> contract.add(c.name()));
    return Arrays.stream(fileColumns).filter(c -> !contract.contains(c)).toList();
  }

  private Dataset<Row> read(LedgerFile file) {
    String path = file.path().toString();
    return switch (file.format()) {
      // The schema from the footer, as Spark would infer it, without Spark's job to infer it.
      case PARQUET ->
          spark
              .read()
              .schema(
                  LedgerParquetFooter.read(file.path(), spark.sparkContext().hadoopConfiguration())
                      .sparkSchema(spark))
              .parquet(path);
      // The header's columns read on the driver, as Spark would find them, without its job to.
      case CSV ->
          csvReader(spark)
              .schema(LedgerCsvHeader.schema(spark, file.path(), CSV_OPTIONS))
              .csv(path);
    };
  }

  /**
   * How a landed CSV file is read, the one definition {@link SourceRowCounts} and {@link
   * LedgerCsvHeader} share: every field as text, a header naming the columns, RFC 4180 quoting
   * (quoted fields may hold newlines, a quote is escaped by doubling it), and no record dropped for
   * its shape.
   */
  static final Map<String, String> CSV_OPTIONS =
      Map.of(
          "header", "true",
          "multiLine", "true",
          "quote", "\"",
          "escape", "\"",
          "encoding", "UTF-8",
          "mode", "PERMISSIVE",
          "inferSchema", "false");

  static DataFrameReader csvReader(SparkSession spark) {
    return spark.read().options(CSV_OPTIONS);
  }

  /** The schema {@link ParseContractColumns} produces for a table. */
  public static StructType parsedSchema(LedgerTable table) {
    List<StructField> fields = new ArrayList<>();
    for (ContractColumn column : table.columns()) {
      fields.add(DataTypes.createStructField(column.name(), DataTypes.StringType, true));
    }
    StructType strings = new StructType(fields.toArray(StructField[]::new));
    // Reuse the transform itself so the two can never disagree.
    StructType typed =
        new ParseContractColumns(table)
            .apply(
                SparkSession.active()
                    .createDataFrame(List.of(), strings)
                    .withColumn(
                        ParseContractColumns.SOURCE_FILE, lit(null).cast(DataTypes.StringType)))
            .schema();
    return typed;
  }
}
