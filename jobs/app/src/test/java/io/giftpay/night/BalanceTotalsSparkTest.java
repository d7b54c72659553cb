package io.giftpay.night;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.giftpay.spark.SparkTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check step's one aggregate over tonight's balances: what the checks and the summary read. */
class BalanceTotalsSparkTest extends SparkTestBase {
  private static final String BALANCES =
      "creator_id string, status string, credited_diamonds bigint, pending_diamonds bigint, available_diamonds bigint,"
          + " held_diamonds bigint, paid_diamonds bigint, forfeited_diamonds bigint, credited_today_diamonds bigint,"
          + " paid_today_diamonds bigint";

  @Test
  void oneAggregateCountsUnbalancedBooksPaymentsAndWhatIsCarried() {
    CheckNight.BalanceTotals totals =
        CheckNight.BalanceTotals.of(
            rows(
                BALANCES,
                row("c1", "PAID", 500L, 0L, 0L, 0L, 500L, 0L, 200L, 500L),
                row("c2", "BELOW_MINIMUM", 90L, 40L, 50L, 0L, 0L, 0L, 90L, 0L),
                row("c3", "ON_HOLD", 300L, 0L, 0L, 300L, 0L, 0L, 0L, 0L),
                // credited 100 but only 99 accounted for
                row("c4", "BELOW_MINIMUM", 100L, 0L, 99L, 0L, 0L, 0L, 0L, 0L),
                // balanced, but a negative held amount
                row("c5", "ON_HOLD", 0L, 0L, 10L, -10L, 0L, 0L, 0L, 0L)));

    assertEquals(5, totals.creators());
    assertEquals(2, totals.unbalanced(), "c4's identity and c5's negative held");
    assertEquals(1, totals.paidRows());
    assertEquals(500, totals.paidToday());
    assertEquals(290, totals.creditedToday());
    assertEquals(2, totals.creatorsCredited());
    assertEquals(3, totals.creatorsCarried(), "c2, c4 and c5 have available diamonds");
    assertEquals(159, totals.diamondsCarried());
    assertEquals(290, totals.held());
    assertEquals(40, totals.pending());
    assertEquals(Map.of("PAID", 1L, "BELOW_MINIMUM", 2L, "ON_HOLD", 2L), totals.byStatus());
  }
}
