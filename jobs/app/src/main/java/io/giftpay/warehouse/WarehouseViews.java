package io.giftpay.warehouse;

import io.giftpay.warehouse.PublishedTables.PublishedTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Registers every table of {@link PublishedTables} as a temporary view over {@code
 * <warehouse>/<table>/} (all its {@code dt=} partitions, {@code dt} a date column). The registry's
 * schema is given to the reader, so every view has the documented columns even before a table's
 * first night: a table never published is an empty view, and a query naming it works.
 */
public final class WarehouseViews {
  private WarehouseViews() {}

  /** Registers the views and returns their names, in publication order. */
  public static List<String> register(SparkSession spark, Path warehouse) {
    for (PublishedTable table : PublishedTables.ALL) {
      view(spark, warehouse, table).createOrReplaceTempView(table.name());
    }
    return PublishedTables.names();
  }

  static Dataset<Row> view(SparkSession spark, Path warehouse, PublishedTable table) {
    Path folder = warehouse.resolve(table.name());
    if (!Files.isDirectory(folder)) {
      return spark.createDataFrame(List.of(), table.viewSchema());
    }
    return spark
        .read()
        .schema(table.viewSchema())
        .parquet(folder.toAbsolutePath().toUri().toString());
  }

  /** The nights a table has published under the warehouse ({@code dt=} folders), oldest first. */
  public static List<String> publishedNights(Path warehouse, PublishedTable table) {
    Path folder = warehouse.resolve(table.name());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var children = Files.list(folder)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(PublishedTables.PARTITION_COLUMN + "="))
          .map(name -> name.substring(PublishedTables.PARTITION_COLUMN.length() + 1))
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot list " + folder, e);
    }
  }
}
