package io.giftpay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.giftpay.payout.PayoutPolicy;
import io.giftpay.report.NightReport.Amount;
import io.giftpay.report.NightReport.Band;
import io.giftpay.report.NightReport.Count;
import io.giftpay.spark.SparkTestBase;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on a few hand-written published rows, including the reviews and creator_income tables.
 */
class NightReportReaderSparkTest extends SparkTestBase {
  private static final LocalDate D = LocalDate.of(2026, 11, 10);

  @TempDir Path tmp;

  @Test
  void readsTheBooksReviewsBandsAndTrendAndTreatsMissingTablesAsEmpty() {
    WarehouseLayout layout = new WarehouseLayout(new org.apache.hadoop.fs.Path(tmp.toString()));
    String balances =
        "creator_id string, business_date date, credited_today_diamonds bigint, paid_today_diamonds bigint,"
            + " held_diamonds bigint, available_diamonds bigint";
    write(
        layout,
        "creator_balances",
        D.minusDays(1),
        rows(balances, row("c1", D.minusDays(1), 100L, 0L, 40L, 60L)));
    // the night before was published before policy v2: no pending_diamonds column
    write(
        layout,
        "creator_balances",
        D,
        rows(
            balances + ", pending_diamonds bigint",
            row("c1", D, 500L, 300L, 41L, 219L, 450L),
            row("c2", D, 0L, 0L, 0L, -7L, 0L),
            row("c3", D, 3L, 0L, 0L, 3L, 3L)));
    write(
        layout,
        "payouts",
        D,
        rows(
            "business_date date, currency string, amount decimal(20,3), amount_usd decimal(18,2)",
            row(D, "EUR", new BigDecimal("1.380"), new BigDecimal("1.50"))));
    write(
        layout,
        "reviews",
        D,
        rows(
            "decision string, diamonds_released bigint, diamonds_forfeited bigint",
            row("cleared", 20L, 0L),
            row("confirmed", 0L, 9L),
            row("cleared", 1L, 0L)));
    write(
        layout,
        "creator_income",
        D,
        rows(
            "creator_id string, band string, usd_30d decimal(22,4)",
            row("c1", "high", new BigDecimal("2.5000")),
            row("c2", "low", new BigDecimal("0.0100")),
            row("c3", "high", new BigDecimal("1.0000"))));

    PayoutPolicy policy = PayoutPolicy.defaults();
    NightReport report =
        new NightReportReader(
                spark,
                layout,
                new WarehouseFiles(layout.root(), spark.sparkContext().hadoopConfiguration()),
                policy)
            .read(D, List.of());

    BigDecimal value = policy.diamondValueUsd();
    NightReport.Books books = report.books();
    assertEquals(Amount.of(503, value), books.credited());
    assertEquals(Amount.of(300, value), books.paid());
    assertEquals(Amount.of(41, value), books.held());
    assertEquals(Amount.of(453, value), books.pending());
    assertEquals(Amount.of(21, value), books.released());
    assertEquals(Amount.of(9, value), books.forfeited());
    assertEquals(Amount.of(222, value), books.carried());
    assertEquals(1, books.negativeCreators());
    assertEquals(Amount.of(-7, value), books.negative());
    assertEquals(
        List.of(new Count("cleared", 2), new Count("confirmed", 1)), report.reviewsByDecision());
    assertEquals(
        List.of(
            new Band("low", 1, new BigDecimal("0.0100")),
            new Band("high", 2, new BigDecimal("3.5000"))),
        report.dependencyBands());
    assertEquals(1, report.payoutsCount());
    assertEquals(0, new BigDecimal("1.50").compareTo(report.payoutsUsd()));
    // No quarantine or flags partition tonight: empty, not an error.
    assertEquals(List.of(), report.quarantineByReason());
    assertEquals(List.of(), report.flagsBySource());
    assertEquals(2, report.trend().size());
    assertEquals(D.minusDays(1), report.trend().get(0).night());
    assertEquals(0, BigDecimal.ZERO.compareTo(report.trend().get(0).paidUsd()));
    assertEquals(0, new BigDecimal("0.200").compareTo(report.trend().get(0).heldUsd()));
    assertEquals(0, new BigDecimal("0.205").compareTo(report.trend().get(1).heldUsd()));
  }

  private static void write(
      WarehouseLayout layout, String table, LocalDate night, Dataset<Row> rows) {
    rows.coalesce(1).write().parquet(layout.published(table, night).toString());
  }
}
