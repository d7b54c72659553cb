package io.giftpay.cli;

import io.giftpay.warehouse.PublishedTables;
import io.giftpay.warehouse.PublishedTables.Column;
import io.giftpay.warehouse.PublishedTables.PublishedTable;
import io.giftpay.warehouse.WarehouseViews;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code giftpay sql}'s work: every published table becomes a view over the warehouse's Parquet
 * ({@link WarehouseViews}), the query runs in Spark SQL, and the result is printed ({@link
 * QueryOutput}). A query Spark rejects, or one that fails while running, is one plain line (an
 * {@link IllegalArgumentException}), not a stack trace.
 */
final class SqlQuery {
  private final SparkSession spark;
  private final Path warehouse;

  SqlQuery(SparkSession spark, Path warehouse) {
    this.spark = spark;
    this.warehouse = requireWarehouse(warehouse);
    WarehouseViews.register(spark, this.warehouse);
  }

  static Path requireWarehouse(Path warehouse) {
    Path root = warehouse.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("Invalid --warehouse: " + root + " (no such folder)");
    }
    // A mistyped path (the ledger, the warehouse's parent) would otherwise show every table empty.
    boolean looksLikeWarehouse =
        Files.isDirectory(root.resolve("_giftpay"))
            || PublishedTables.ALL.stream()
                .anyMatch(t -> Files.isDirectory(root.resolve(t.name())));
    if (!looksLikeWarehouse) {
      throw new IllegalArgumentException(
          "Invalid --warehouse: "
              + root
              + " (no _giftpay/ folder and no published table in it: not a Giftpay warehouse)");
    }
    return root;
  }

  /** The query's result, analysed (so an unknown table or column fails here) but not yet run. */
  Dataset<Row> run(String sql) {
    try {
      return spark.sql(sql);
    } catch (Exception e) {
      throw plain(e, "Invalid query: ");
    }
  }

  /** Runs the query, prints it in the format, and returns the number of rows. */
  long print(String sql, QueryOutput.Format format, PrintStream out) {
    Dataset<Row> result = run(sql);
    try {
      return QueryOutput.print(result.schema(), result.toLocalIterator(), format, out);
    } catch (Exception e) {
      throw plain(e, "Query failed: ");
    }
  }

  /** The rows of a query, collected: for callers (and tests) that want values, not text. */
  List<Row> rows(String sql) {
    Dataset<Row> result = run(sql);
    try {
      return result.collectAsList();
    } catch (Exception e) {
      throw plain(e, "Query failed: ");
    }
  }

  /**
   * What {@code giftpay sql --tables} prints: each view, its columns, and the nights it has in this
   * warehouse.
   */
  static void listTables(Path warehouse, PrintStream out) {
    Path root = requireWarehouse(warehouse);
    for (PublishedTable table : PublishedTables.ALL) {
      List<String> nights = WarehouseViews.publishedNights(root, table);
      String published =
          nights.isEmpty()
              ? "no nights yet"
              : nights.size() == 1
                  ? "1 night, " + nights.get(0)
                  : nights.size()
                      + " nights, "
                      + nights.get(0)
                      + ".."
                      + nights.get(nights.size() - 1);
      out.println(table.name() + ": one row per " + table.oneRowPer() + " (" + published + ")");
      int width =
          Math.max(
              PublishedTables.PARTITION_COLUMN.length(),
              table.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0));
      for (Column c : table.columns()) {
        out.println(
            "  "
                + String.format("%-" + width + "s", c.name())
                + "  "
                + c.sqlType()
                + (c.nullable() ? " (nullable)" : ""));
      }
      out.println(
          "  "
              + String.format("%-" + width + "s", PublishedTables.PARTITION_COLUMN)
              + "  date (the night, from dt=)");
    }
    out.println("Column meanings: docs/tables.md");
  }

  /** Spark's errors become their first line; anything else is not a query problem and goes on. */
  private static RuntimeException plain(Exception e, String prefix) {
    // The deepest of Spark's own errors says what was wrong (a stage failure wraps the real one).
    Throwable cause = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SparkThrowable) {
        cause = t;
      }
    }
    if (cause != null) {
      String message = String.valueOf(cause.getMessage()).strip();
      int newline = message.indexOf('\n');
      return new IllegalArgumentException(
          prefix + (newline < 0 ? message : message.substring(0, newline).strip()), e);
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
  }
}
