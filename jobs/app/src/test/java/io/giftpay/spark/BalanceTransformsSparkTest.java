package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.giftpay.payout.PayoutPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class BalanceTransformsSparkTest extends SparkTestBase {
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 3);
  private static final String CARRIED =
      "creator_id string, credited_diamonds bigint, pending_diamonds bigint, available_diamonds bigint, held_diamonds bigint,"
          + " paid_diamonds bigint, forfeited_diamonds bigint";

  private static Map<String, Row> byCreator(Dataset<Row> rows) {
    Map<String, Row> out = new TreeMap<>();
    rows.collectAsList().forEach(r -> out.put(r.getAs("creator_id"), r));
    return out;
  }

  @Test
  void creditsCoinsTimesDiamondsPerCoinPerCreator() {
    Dataset<Row> gifts =
        rows("creator_id string, coins bigint", row("c1", 199L), row("c1", 1L), row("c2", 26999L));
    Map<String, Row> credits = byCreator(new CreditCreators(2).apply(gifts));
    assertEquals(400L, (long) credits.get("c1").getAs(BalanceColumns.CREDITED_TODAY));
    assertEquals(2L, (long) credits.get("c1").getAs(BalanceColumns.GIFTS_TODAY));
    assertEquals(53998L, (long) credits.get("c2").getAs(BalanceColumns.CREDITED_TODAY));
  }

  @Test
  void carriesEveryBalanceAndAddsTonightsCredits() {
    Dataset<Row> previous =
        rows(CARRIED, row("c1", 100L, 0L, 60L, 0L, 40L, 0L), row("quiet", 10L, 3L, 7L, 0L, 0L, 0L));
    Dataset<Row> credits =
        rows(
            "creator_id string, credited_today_diamonds bigint, gifts_today bigint",
            row("c1", 5L, 1L),
            row("new", 7L, 2L));
    Map<String, Row> after = byCreator(new CarryBalances(credits).apply(previous));
    assertEquals(
        List.of("c1", "new", "quiet"),
        List.copyOf(after.keySet()),
        "no creator lost, new ones added");
    assertEquals(105L, (long) after.get("c1").getAs(BalanceColumns.CREDITED));
    assertEquals(
        5L,
        (long) after.get("c1").getAs(BalanceColumns.PENDING),
        "tonight's credits are pending until they clear");
    assertEquals(60L, (long) after.get("c1").getAs(BalanceColumns.AVAILABLE));
    assertEquals(40L, (long) after.get("c1").getAs(BalanceColumns.PAID));
    assertEquals(0L, (long) after.get("quiet").getAs(BalanceColumns.CREDITED_TODAY));
    assertEquals(
        3L,
        (long) after.get("quiet").getAs(BalanceColumns.PENDING),
        "carried pending stays pending");
    assertEquals(7L, (long) after.get("new").getAs(BalanceColumns.PENDING));
    assertEquals(0L, (long) after.get("new").getAs(BalanceColumns.AVAILABLE));
  }

  @Test
  void decidesPayoutsWithThePolicyAndMovesPaidDiamonds() {
    Dataset<Row> before =
        rows(
            "creator_id string, credited_today_diamonds bigint, gifts_today bigint, credited_diamonds bigint,"
                + " pending_diamonds bigint, available_diamonds bigint, held_diamonds bigint, paid_diamonds bigint, forfeited_diamonds bigint",
            row("rich", 300001L, 3L, 300001L, 0L, 300001L, 0L, 0L, 0L),
            row("yen", 53998L, 1L, 53998L, 0L, 53998L, 0L, 0L, 0L),
            row("small", 19999L, 1L, 19999L, 0L, 19999L, 0L, 0L, 0L),
            row("lira", 40000L, 1L, 40000L, 0L, 40000L, 0L, 0L, 0L),
            row("unknown", 40000L, 1L, 90000L, 50000L, 40000L, 0L, 0L, 0L),
            row("waiting", 300000L, 1L, 300100L, 300000L, 100L, 0L, 0L, 0L));
    Dataset<Row> accounts =
        rows(
            "user_id string, kyc_verified boolean, birth_date date, payout_currency string, payout_method string",
            row("rich", true, LocalDate.of(1990, 1, 1), "USD", "bank"),
            row("yen", true, LocalDate.of(2008, 11, 3), "JPY", "paypal"),
            row("small", true, LocalDate.of(1990, 1, 1), "USD", "bank"),
            row("waiting", true, LocalDate.of(1990, 1, 1), "USD", "bank"),
            row("lira", true, LocalDate.of(1990, 1, 1), "TRY", "bank"));
    Dataset<Row> fx =
        rows(
            "currency string, units_per_usd decimal(18,8)",
            row("JPY", new BigDecimal("151.30000000")));
    Map<String, Row> decided =
        byCreator(new DecidePayouts(PayoutPolicy.defaults(), NIGHT, accounts, fx).apply(before));

    Row rich = decided.get("rich");
    assertEquals("PAID", rich.getAs(BalanceColumns.STATUS));
    assertEquals(new BigDecimal("1000.00"), rich.getAs(DecidePayouts.AMOUNT_USD), "daily cap");
    assertEquals(200000L, (long) rich.getAs(BalanceColumns.PAID_TODAY));
    assertEquals(100001L, (long) rich.getAs(BalanceColumns.AVAILABLE), "the rest carries");
    assertEquals(true, rich.getAs(DecidePayouts.CAPPED));

    Row yen = decided.get("yen");
    assertEquals(
        "PAID", yen.getAs(BalanceColumns.STATUS), "18th birthday on the night itself counts");
    assertEquals(new BigDecimal("269.99"), yen.getAs(DecidePayouts.AMOUNT_USD));
    assertEquals(
        0,
        new BigDecimal("40849").compareTo(yen.getAs(DecidePayouts.AMOUNT)),
        "269.99 x 151.3 = 40849.487 -> 0 decimals");
    assertEquals(
        0L, (long) yen.getAs(BalanceColumns.AVAILABLE), "53998 diamonds make whole cents exactly");

    assertEquals(
        "BELOW_MINIMUM",
        decided.get("small").getAs(BalanceColumns.STATUS),
        "99.995 USD is below 100.00");
    assertEquals("NO_FX_RATE", decided.get("lira").getAs(BalanceColumns.STATUS));
    assertEquals(
        "BELOW_MINIMUM",
        decided.get("waiting").getAs(BalanceColumns.STATUS),
        "USD 1,500 pending is never paid before it clears");
    assertEquals(300000L, (long) decided.get("waiting").getAs(BalanceColumns.PENDING));
    assertEquals(
        "KYC_MISSING",
        decided.get("unknown").getAs(BalanceColumns.STATUS),
        "no account row: nothing known");
    assertNull(decided.get("lira").getAs(DecidePayouts.PAYOUT_ID));

    List<Row> payouts =
        new PayoutRows(NIGHT, 1)
            .apply(new DecidePayouts(PayoutPolicy.defaults(), NIGHT, accounts, fx).apply(before))
            .orderBy("creator_id")
            .collectAsList();
    assertEquals(
        List.of("rich", "yen"), payouts.stream().map(r -> r.<String>getAs("creator_id")).toList());
    assertEquals(200000L, (long) payouts.get(0).getAs("diamonds"));
  }

  @Test
  void findsCreatorsWhoseBooksDoNotBalance() {
    Dataset<Row> balances =
        rows(
            CARRIED + ", paid_today_diamonds bigint",
            row("ok", 100L, 5L, 45L, 10L, 30L, 10L, 30L),
            row("leak", 100L, 0L, 50L, 10L, 30L, 0L, 0L),
            row("pending_forgotten", 100L, 10L, 50L, 10L, 30L, 10L, 0L),
            row("negative_pending", 100L, -10L, 70L, 10L, 30L, 0L, 0L),
            row("negative_paid", 0L, 0L, 10L, 0L, -10L, 0L, 0L));
    List<String> broken =
        new FindUnbalancedBooks()
            .apply(balances).orderBy("creator_id").collectAsList().stream()
                .map(r -> r.<String>getAs("creator_id"))
                .toList();
    assertEquals(List.of("leak", "negative_paid", "negative_pending", "pending_forgotten"), broken);
  }
}
