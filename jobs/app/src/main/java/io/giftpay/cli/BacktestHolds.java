package io.giftpay.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The diamonds a backtested hold rule would have held by the end of the backtest, from the
 * warehouse's kept daily summaries and published balances. A hold stays open until a reviewer
 * decides, as in the nightly job: a sender hold holds the sender's gifts over the policy's hold
 * window before its first hit night and every gift after it; a creator hold holds the creator's
 * available balance the night before its first hit night and every diamond credited after it.
 */
final class BacktestHolds {
  /** An account a rule hit on a night. */
  record Hit(String accountId, LocalDate night) {}

  private final SparkSession spark;
  private final Path warehouse;
  private final int holdDays;
  private final long diamondsPerCoin;

  BacktestHolds(SparkSession spark, Path warehouse, int holdDays, long diamondsPerCoin) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.holdDays = holdDays;
    this.diamondsPerCoin = diamondsPerCoin;
  }

  /**
   * A held sender: its gifts over the hold window before its first hit night, and every gift after
   * it until {@code to}.
   */
  long senderHolds(List<Hit> hits, LocalDate to) {
    if (hits.isEmpty()) {
      return 0L;
    }
    int window = Math.max(1, holdDays);
    Dataset<Row> first = firstHits(hits);
    Dataset<Row> gifts =
        partitions("_giftpay/daily/sender_creator", earliest(hits).minusDays(window - 1L), to);
    Row total =
        gifts
            .join(
                first,
                col("sender_id")
                    .equalTo(col("_account"))
                    .and(col("dt").gt(date_sub(col("_first_hit"), window))))
            .agg(sum("coins"))
            .first();
    return total.isNullAt(0) ? 0L : total.getLong(0) * diamondsPerCoin;
  }

  /**
   * A held creator: its available balance the night before its first hit night, and every diamond
   * credited from then until {@code to}.
   */
  long creatorHolds(List<Hit> hits, LocalDate to) {
    if (hits.isEmpty()) {
      return 0L;
    }
    Dataset<Row> first = firstHits(hits);
    Dataset<Row> credits = partitions("_giftpay/daily/creator_day", earliest(hits), to);
    Row credited =
        credits
            .join(
                first,
                col("creator_id").equalTo(col("_account")).and(col("dt").geq(col("_first_hit"))))
            .agg(sum("diamonds"))
            .first();
    Dataset<Row> balances = partitions("creator_balances", earliest(hits).minusDays(1), to);
    Row before =
        balances
            .join(
                first,
                col("creator_id")
                    .equalTo(col("_account"))
                    .and(col("dt").equalTo(date_sub(col("_first_hit"), 1))))
            .agg(sum(greatest(col("available_diamonds"), lit(0L))))
            .first();
    return (credited.isNullAt(0) ? 0L : credited.getLong(0))
        + (before.isNullAt(0) ? 0L : before.getLong(0));
  }

  private static LocalDate earliest(List<Hit> hits) {
    return hits.stream().map(Hit::night).min(LocalDate::compareTo).orElseThrow();
  }

  /** _account, _first_hit: each account's first hit night. */
  private Dataset<Row> firstHits(List<Hit> hits) {
    Map<String, LocalDate> first = new TreeMap<>();
    hits.forEach(h -> first.merge(h.accountId(), h.night(), (a, b) -> a.isBefore(b) ? a : b));
    List<Row> rows =
        first.entrySet().stream()
            .map(e -> RowFactory.create(e.getKey(), java.sql.Date.valueOf(e.getValue())))
            .toList();
    return spark.createDataFrame(rows, StructType.fromDDL("_account string, _first_hit date"));
  }

  /**
   * The dt=from..to partitions of a warehouse folder that exist, read at once with their dt column.
   */
  private Dataset<Row> partitions(String folder, LocalDate from, LocalDate to) {
    Path root = warehouse.resolve(folder);
    List<String> paths = new ArrayList<>();
    for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
      Path dir = root.resolve("dt=" + night);
      if (Files.isDirectory(dir)) {
        paths.add(dir.toString());
      }
    }
    if (paths.isEmpty()) {
      return spark.createDataFrame(
          List.of(),
          StructType.fromDDL(
              "sender_id string, creator_id string, coins bigint, diamonds bigint, available_diamonds bigint, dt date"));
    }
    return spark.read().option("basePath", root.toString()).parquet(paths.toArray(String[]::new));
  }
}
