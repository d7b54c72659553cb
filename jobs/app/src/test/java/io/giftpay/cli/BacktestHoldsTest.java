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
  void aSenderHoldHoldsTheWindowsGiftsOnceAndACreatorHoldItsPriorBalancePlusItsNights(@TempDir Path warehouse) {
    String pairs = "sender_id string, creator_id string, coins bigint";
    write(warehouse, "_giftpay/daily/sender_creator", N1, rows(pairs, row("s", "c", 100L), row("other", "c", 7L)));
    write(warehouse, "_giftpay/daily/sender_creator", N2, rows(pairs, row("s", "c", 10L), row("s", "d", 20L)));
    write(warehouse, "_giftpay/daily/sender_creator", N3, rows(pairs, row("s", "c", 1L)));
    String credits = "creator_id string, diamonds bigint";
    write(warehouse, "_giftpay/daily/creator_day", N2, rows(credits, row("c", 500L)));
    write(warehouse, "_giftpay/daily/creator_day", N3, rows(credits, row("c", 40L)));
    write(warehouse, "creator_balances", N1, rows("creator_id string, available_diamonds bigint", row("c", 3000L)));

    BacktestHolds twoNightWindow = new BacktestHolds(spark, warehouse, 2, 2);
    assertEquals((100 + 10 + 20 + 1) * 2L,
        twoNightWindow.senderHolds(List.of(new BacktestHolds.Hit("s", N2), new BacktestHolds.Hit("s", N3))),
        "N2's window is N1..N2, N3's is N2..N3: each gift night once, the other sender's gifts never, 2 diamonds a coin");
    assertEquals(0L, twoNightWindow.senderHolds(List.of()));
    assertEquals(3000L + 500L + 40L,
        twoNightWindow.creatorHolds(List.of(new BacktestHolds.Hit("c", N2), new BacktestHolds.Hit("c", N3))),
        "the balance available after N1, then every diamond of N2 and N3; N3 adds no second balance");
  }
}
