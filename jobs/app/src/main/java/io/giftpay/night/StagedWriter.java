package io.giftpay.night;

import io.giftpay.spark.ParquetFolder;
import io.giftpay.warehouse.KillPoints;
import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.PublishedTables.PublishedTable;
import io.giftpay.warehouse.WarehouseFiles;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Writes a night's intermediate and staged results as Parquet, replacing any earlier attempt. */
final class StagedWriter {
  private final SparkSession spark;
  private final WarehouseFiles files;

  StagedWriter(SparkSession spark, WarehouseFiles files) {
    this.spark = spark;
    this.files = files;
  }

  /**
   * Scratch data read again by a later step: written as Spark likes, in parallel, and read back
   * with the schema it was written with (reading without one costs a Spark job to find it).
   */
  Dataset<Row> work(Dataset<Row> rows, Path dir) {
    rows.write().mode(SaveMode.Overwrite).parquet(dir.toString());
    KillPoints.reach("work-table");
    return spark.read().schema(rows.schema()).parquet(dir.toString());
  }

  /**
   * A table to publish: one file, rows in a fixed order, stable file name, so the same night always
   * produces the same bytes.
   */
  void table(Dataset<Row> rows, Path dir, String... sortColumns) {
    Column[] order = Arrays.stream(sortColumns).map(rows::col).toArray(Column[]::new);
    rows.repartition(1)
        .sortWithinPartitions(order)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir.toString());
    KillPoints.reach("staged-table");
    files.normaliseSparkOutput(dir);
  }

  /**
   * A published table, in the columns and row order {@link PublishedTables} gives it. Staged rows
   * whose columns or types differ from the registry stop the night, naming the table.
   */
  void table(Dataset<Row> rows, PublishedTable table, Path dir) {
    List<String> want =
        Arrays.stream(table.schema().fields())
            .map(f -> f.name() + " " + f.dataType().catalogString())
            .toList();
    List<String> got =
        Arrays.stream(rows.schema().fields())
            .map(f -> f.name() + " " + f.dataType().catalogString())
            .toList();
    if (!got.equals(want)) {
      throw new IllegalStateException(
          "Invalid staged table "
              + table.name()
              + ": columns "
              + got
              + " differ from PublishedTables "
              + want);
    }
    // The registry's nullability, not whatever the plan happened to infer, goes into the footer, so
    // a table's schema is the same every night; a null in a required column stops the write.
    table(
        spark.createDataFrame(rows.rdd(), table.schema()),
        dir,
        table.sortOrder().toArray(String[]::new));
  }

  /** Accepted events, one folder per event date, for replay look-ups and feature windows. */
  void events(Dataset<Row> rows, Path dir) {
    rows.write().mode(SaveMode.Overwrite).partitionBy("event_date").parquet(dir.toString());
    KillPoints.reach("staged-events");
    files.normaliseSparkOutput(dir);
  }

  /** A folder this writer wrote, its schema from the files' footers. */
  Dataset<Row> read(Path dir) {
    return new ParquetFolder(spark, dir).read();
  }

  /** The rows a folder this writer wrote holds, from the files' footers: no Spark job. */
  long rows(Path dir) {
    return new ParquetFolder(spark, dir).rows();
  }
}
