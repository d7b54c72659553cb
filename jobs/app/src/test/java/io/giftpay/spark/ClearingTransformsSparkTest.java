package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.giftpay.detection.ApplyHolds;
import io.giftpay.detection.HoldLots;
import io.giftpay.detection.PlanPairHolds;
import io.giftpay.review.ApplyDecisions;
import io.giftpay.review.ReleaseHeldLots;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Policy v2's clearing on a few rows: credits wait, holds reach pending, releases wait for their
 * night.
 */
class ClearingTransformsSparkTest extends SparkTestBase {
  private static final LocalDate D = LocalDate.of(2026, 11, 5);
  private static final String BALANCES =
      "creator_id string, credited_diamonds bigint, pending_diamonds bigint, available_diamonds bigint, held_diamonds bigint,"
          + " paid_diamonds bigint, forfeited_diamonds bigint";
  private static final String CREDITS =
      "creator_id string, credited_today_diamonds bigint, gifts_today bigint";

  @Test
  void creditsArePendingForTheClearingNightsThenAvailable() {
    Dataset<Row> previous = rows(BALANCES, row("c1", 300L, 300L, 0L, 0L, 0L, 0L));
    Dataset<Row> previousLots =
        rows(ClearingLots.SCHEMA, row("c1", D, false, 100L), row("c1", D.plusDays(1), false, 200L));
    Dataset<Row> credits = rows(CREDITS, row("c1", 50L, 1L), row("c2", 7L, 1L));

    Dataset<Row> lots = new ScheduleCredits(credits, D.plusDays(2)).apply(previousLots);
    Map<String, Row> after =
        byCreator(new MatureCredits(lots, D).apply(new CarryBalances(credits).apply(previous)));
    assertEquals(
        List.of(350L, 250L, 100L),
        amounts(after.get("c1"), "credited_diamonds", "pending_diamonds", "available_diamonds"),
        "the lot clearing tonight is available; tonight's and tomorrow's wait");
    assertEquals(
        List.of(7L, 0L), amounts(after.get("c2"), "pending_diamonds", "available_diamonds"));
    assertEquals(
        List.of(
            "c1 " + D.plusDays(1) + " false 200",
            "c1 " + D.plusDays(2) + " false 50",
            "c2 " + D.plusDays(2) + " false 7"),
        describe(ClearingLots.after(lots, D)));
  }

  @Test
  void withoutClearingEveryCreditIsAvailableTheSameNight() {
    Dataset<Row> credits = rows(CREDITS, row("c1", 50L, 1L));
    Dataset<Row> lots = new ScheduleCredits(credits, D).apply(rows(ClearingLots.SCHEMA));
    Row c1 =
        byCreator(
                new MatureCredits(lots, D).apply(new CarryBalances(credits).apply(rows(BALANCES))))
            .get("c1");
    assertEquals(
        List.of(0L, 50L),
        amounts(c1, "pending_diamonds", "available_diamonds"),
        "policy v1: available at once");
    assertEquals(List.of(), describe(ClearingLots.after(lots, D)), "nothing kept to clear");
  }

  @Test
  void pairHoldsAreSplitByClearingLotWithEarlierHoldsOnTheOldestDiamonds() {
    Dataset<Row> window =
        rows(
            "sender_id string, creator_id string, coins bigint, clears_on date",
            row("thief", "c1", 1000L, null),
            row("thief", "c1", 300L, D.plusDays(1)),
            row("thief", "c1", 200L, D.plusDays(2)));
    Dataset<Row> toHold = rows("sender_id string, source string", row("thief", "reversal"));
    Dataset<Row> heldBefore =
        rows("sender_id string, creator_id string, diamonds bigint", row("thief", "c1", 1100L));
    assertEquals(
        List.of("c1 thief " + D.plusDays(1) + " 200", "c1 thief " + D.plusDays(2) + " 200"),
        new PlanPairHolds(toHold, heldBefore, 1)
            .apply(window).orderBy("clears_on").collectAsList().stream()
                .map(
                    r ->
                        r.getString(0) + " " + r.getString(1) + " " + r.get(2) + " " + r.getLong(3))
                .toList(),
        "1,100 held before cover the cleared 1,000 and 100 of the next lot");
  }

  @Test
  void holdsReachPendingDiamondsAndACreatorHoldTakesEverything() {
    Dataset<Row> balances =
        rows(
            BALANCES,
            row("c1", 1000L, 500L, 500L, 0L, 0L, 0L),
            row("c2", 800L, 300L, 500L, 0L, 0L, 0L));
    Dataset<Row> lots =
        rows(
            ClearingLots.SCHEMA,
            row("c1", D.plusDays(1), false, 200L),
            row("c1", D.plusDays(2), false, 300L),
            row("c2", D.plusDays(2), false, 300L));
    Dataset<Row> pairHolds =
        rows(
            "creator_id string, sender_id string, clears_on date, diamonds bigint, source string",
            row("c1", "thief", D.plusDays(2), 250L, "reversal"),
            row("c1", "thief", null, 100L, "reversal"),
            row("c2", "alt", D.plusDays(2), 50L, "self-gifting-sender@v1"));
    Dataset<Row> creatorHolds =
        rows("creator_id string, source string", row("c2", "self-gifting@v1"));

    Map<String, Row> after =
        byCreator(new ApplyHolds(pairHolds, creatorHolds, lots).apply(balances));
    assertEquals(
        List.of(250L, 400L, 350L),
        amounts(after.get("c1"), "pending_diamonds", "available_diamonds", "held_diamonds"),
        "250 of the pending lot and 100 cleared are held");
    assertEquals(
        List.of(0L, 0L, 800L, 750L),
        amounts(
            after.get("c2"),
            "pending_diamonds",
            "available_diamonds",
            "held_diamonds",
            ApplyHolds.CREATOR_HOLD_DIAMONDS),
        "a creator on hold has its pending held too");
    for (Row r : after.values()) {
      assertBooks(r);
    }
    assertEquals(
        List.of(
            "c1 " + D.plusDays(1) + " false 200",
            "c1 " + D.plusDays(2) + " false 50",
            "c1 " + D.plusDays(2) + " true 250",
            "c2 " + D.plusDays(2) + " true 300"),
        describe(new HoldLots(pairHolds, creatorHolds).apply(lots)),
        "held lots keep their clearing night");
  }

  @Test
  void aReleaseWaitsForItsClearingNightAndAForfeitTakesClearedHeldFirst() {
    // c1 holds 500: 200 cleared, 300 clearing on D+2; c2 holds 400: 100 cleared, 300 clearing on
    // D+1
    Dataset<Row> balances =
        rows(
            BALANCES,
            row("c1", 600L, 100L, 0L, 500L, 0L, 0L),
            row("c2", 400L, 0L, 0L, 400L, 0L, 0L));
    Dataset<Row> lots =
        rows(
            ClearingLots.SCHEMA,
            row("c1", D.plusDays(1), false, 100L),
            row("c1", D.plusDays(2), true, 300L),
            row("c2", D.plusDays(1), true, 300L));
    Dataset<Row> moves =
        rows(
            "case_id string, creator_id string, released bigint, forfeited bigint",
            row("case-a", "c1", 400L, 0L),
            row("case-b", "c2", 0L, 150L));

    Dataset<Row> lotsAfter = new ReleaseHeldLots(moves, balances).apply(lots);
    assertEquals(
        List.of(
            "c1 " + D.plusDays(1) + " false 100",
            "c1 " + D.plusDays(2) + " false 300",
            "c2 " + D.plusDays(1) + " true 250"),
        describe(lotsAfter),
        "the release takes the clearing lot; the forfeit the 100 cleared, then 50 of the lot");
    Map<String, Row> after = byCreator(new ApplyDecisions(moves, lots, lotsAfter).apply(balances));
    assertEquals(
        List.of(400L, 100L, 100L),
        amounts(after.get("c1"), "pending_diamonds", "available_diamonds", "held_diamonds"),
        "300 released stay pending until D+2, 100 cleared are available at once");
    assertEquals(
        List.of(0L, 0L, 250L, 150L),
        amounts(
            after.get("c2"),
            "pending_diamonds",
            "available_diamonds",
            "held_diamonds",
            "forfeited_diamonds"));
    for (Row r : after.values()) {
      assertBooks(r);
    }
  }

  private static void assertBooks(Row r) {
    assertEquals(
        r.<Long>getAs("credited_diamonds"),
        r.<Long>getAs("pending_diamonds")
            + r.<Long>getAs("available_diamonds")
            + r.<Long>getAs("held_diamonds")
            + r.<Long>getAs("paid_diamonds")
            + r.<Long>getAs("forfeited_diamonds"),
        "books of " + r);
  }

  private static List<Long> amounts(Row r, String... columns) {
    return java.util.Arrays.stream(columns).map(c -> r.<Long>getAs(c)).toList();
  }

  private static List<String> describe(Dataset<Row> lots) {
    return lots.orderBy("creator_id", "clears_on", "held").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.get(1) + " " + r.getBoolean(2) + " " + r.getLong(3))
        .toList();
  }

  private static Map<String, Row> byCreator(Dataset<Row> rows) {
    Map<String, Row> out = new TreeMap<>();
    rows.collectAsList().forEach(r -> out.put(r.getAs("creator_id"), r));
    return out;
  }
}
