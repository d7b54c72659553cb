package io.giftpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.giftpay.spark.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestHoldsTest extends SparkTestBase {
  private static final LocalDate N1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate N2 = N1.plusDays(1);
  private static final LocalDate N3 = N1.plusDays(2);

  private static void write(Path warehouse, String area, LocalDate night, Dataset<Row> rows) {
    rows.write().parquet(warehouse.resolve(area + "/dt=" + night).toString());
  }

  @Test
  void holdsStayOpenFromTheFirstHitNightToTheEndOfTheBacktest(@TempDir Path warehouse) {
    String pairs = "sender_id string, creator_id string, coins bigint";
    write(
        warehouse,
        "_giftpay/daily/sender_creator",
        N1,
        rows(pairs, row("s", "c", 100L), row("other", "c", 7L)));
    write(
        warehouse,
        "_giftpay/daily/sender_creator",
        N2,
        rows(pairs, row("s", "c", 10L), row("s", "d", 20L)));
    write(warehouse, "_giftpay/daily/sender_creator", N3, rows(pairs, row("s", "c", 1L)));
    String credits = "creator_id string, diamonds bigint";
    write(warehouse, "_giftpay/daily/creator_day", N2, rows(credits, row("c", 500L)));
    write(warehouse, "_giftpay/daily/creator_day", N3, rows(credits, row("c", 40L)));
    write(
        warehouse,
        "creator_balances",
        N1,
        rows("creator_id string, available_diamonds bigint", row("c", 3000L)));

    BacktestHolds twoNightWindow = new BacktestHolds(spark, warehouse, 2, 2);
    assertEquals(
        (100 + 10 + 20 + 1) * 2L,
        twoNightWindow.senderHolds(
            List.of(new BacktestHolds.Hit("s", N3), new BacktestHolds.Hit("s", N2)), N3),
        "first hit N2: its window N1..N2 and every later gift to N3, each once; never the other sender's; 2 diamonds a coin");
    assertEquals(
        (100 + 10 + 20) * 2L,
        twoNightWindow.senderHolds(List.of(new BacktestHolds.Hit("s", N2)), N2),
        "a backtest ending on N2 holds nothing of N3");
    assertEquals(0L, twoNightWindow.senderHolds(List.of(), N3));
    assertEquals(
        3000L + 500L + 40L,
        twoNightWindow.creatorHolds(List.of(new BacktestHolds.Hit("c", N2)), N3),
        "the balance available after N1, then every diamond of N2 and N3: the hold stays open after its hit night");
  }
}
