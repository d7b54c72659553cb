package io.giftpay.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The diamonds a backtested hold rule would have held, from the warehouse's kept daily summaries
 * and published balances. A sender hold holds the sender's gifts over the policy's hold window
 * before each hit night (as the nightly job's pair holds do), each gift night counted once however
 * many hit nights cover it. A creator hold holds the creator's available balance the night before
 * a run of hit nights begins, and every diamond credited on a hit night.
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

  long senderHolds(List<Hit> hits) {
    if (hits.isEmpty()) {
      return 0L;
    }
    Set<LocalDate> nights = new TreeSet<>();
    hits.forEach(h -> {
      for (int back = 0; back < Math.max(1, holdDays); back++) {
        nights.add(h.night().minusDays(back));
      }
    });
    List<String> paths = new ArrayList<>();
    for (LocalDate night : nights) {
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
    List<Row> rows = hits.stream().map(h -> RowFactory.create(h.accountId(), java.sql.Date.valueOf(h.night()))).toList();
    Dataset<Row> hitRows = spark.createDataFrame(rows, StructType.fromDDL("_sender string, _hit_night date"));
    Dataset<Row> covered = gifts.join(hitRows, col("sender_id").equalTo(col("_sender"))
            .and(col("dt").leq(col("_hit_night")))
            .and(col("dt").gt(date_sub(col("_hit_night"), Math.max(1, holdDays)))))
        .select("sender_id", "creator_id", "dt", "coins").distinct();
    Row total = covered.agg(sum("coins")).first();
    return total.isNullAt(0) ? 0L : total.getLong(0) * diamondsPerCoin;
  }

  long creatorHolds(List<Hit> hits) {
    Map<String, Set<LocalDate>> nightsByCreator = new TreeMap<>();
    hits.forEach(h -> nightsByCreator.computeIfAbsent(h.accountId(), k -> new TreeSet<>()).add(h.night()));
    long held = 0;
    for (Map.Entry<String, Set<LocalDate>> creator : nightsByCreator.entrySet()) {
      for (LocalDate night : creator.getValue()) {
        held += creatorDiamonds(creator.getKey(), night);
        if (!creator.getValue().contains(night.minusDays(1))) {
          held += Math.max(0L, availableAfter(creator.getKey(), night.minusDays(1)));
        }
      }
    }
    return held;
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
