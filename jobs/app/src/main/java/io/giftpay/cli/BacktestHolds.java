package io.giftpay.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
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
import org.apache.spark.sql.Encoders;
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

  /** A held sender: its gifts over the hold window before its first hit night, and every gift after it until {@code to}. */
  long senderHolds(List<Hit> hits, LocalDate to) {
    if (hits.isEmpty()) {
      return 0L;
    }
    Map<String, LocalDate> firstHit = firstHits(hits);
    LocalDate earliest = firstHit.values().stream().min(LocalDate::compareTo).orElseThrow();
    List<String> paths = new ArrayList<>();
    for (LocalDate night = earliest.minusDays(Math.max(1, holdDays) - 1L); !night.isAfter(to); night = night.plusDays(1)) {
      Path kept = warehouse.resolve("_giftpay/daily/sender_creator/dt=" + night);
      if (Files.isDirectory(kept)) {
        paths.add(kept.toString());
      }
    }
    if (paths.isEmpty()) {
      return 0L;
    }
    Dataset<Row> gifts = spark.read().option("basePath", warehouse.resolve("_giftpay/daily/sender_creator").toString())
        .parquet(paths.toArray(String[]::new));
    List<Row> rows = firstHit.entrySet().stream()
        .map(e -> RowFactory.create(e.getKey(), java.sql.Date.valueOf(e.getValue()))).toList();
    Dataset<Row> held = spark.createDataFrame(rows, StructType.fromDDL("_sender string, _first_hit date"));
    Row total = gifts.join(held, col("sender_id").equalTo(col("_sender"))
            .and(col("dt").gt(date_sub(col("_first_hit"), Math.max(1, holdDays))))
            .and(col("dt").leq(lit(java.sql.Date.valueOf(to)))))
        .agg(sum("coins")).first();
    return total.isNullAt(0) ? 0L : total.getLong(0) * diamondsPerCoin;
  }

  /** A held creator: its available balance the night before its first hit night, and every diamond credited from then until {@code to}. */
  long creatorHolds(List<Hit> hits, LocalDate to) {
    long held = 0;
    for (Map.Entry<String, LocalDate> first : firstHits(hits).entrySet()) {
      held += Math.max(0L, availableAfter(first.getKey(), first.getValue().minusDays(1)));
      for (LocalDate night = first.getValue(); !night.isAfter(to); night = night.plusDays(1)) {
        held += creatorDiamonds(first.getKey(), night);
      }
    }
    return held;
  }

  private static Map<String, LocalDate> firstHits(List<Hit> hits) {
    Map<String, LocalDate> first = new TreeMap<>();
    hits.forEach(h -> first.merge(h.accountId(), h.night(), (a, b) -> a.isBefore(b) ? a : b));
    return first;
  }

  private long creatorDiamonds(String creator, LocalDate night) {
    return sumOf(warehouse.resolve("_giftpay/daily/creator_day/dt=" + night), "creator_id", creator, "diamonds");
  }

  private long availableAfter(String creator, LocalDate night) {
    return sumOf(warehouse.resolve("creator_balances/dt=" + night), "creator_id", creator, "available_diamonds");
  }

  private long sumOf(Path dir, String keyColumn, String key, String valueColumn) {
    if (!Files.isDirectory(dir)) {
      return 0L;
    }
    List<Long> values = spark.read().parquet(dir.toString()).filter(col(keyColumn).equalTo(key))
        .select(col(valueColumn).cast("long")).as(Encoders.LONG()).collectAsList();
    return values.stream().mapToLong(v -> v == null ? 0L : v).sum();
  }
}
