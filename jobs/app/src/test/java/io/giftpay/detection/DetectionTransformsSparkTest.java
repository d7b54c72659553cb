package io.giftpay.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.features.FeatureViews;
import io.giftpay.rules.DetectionRule;
import io.giftpay.spark.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DetectionTransformsSparkTest extends SparkTestBase {
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 5);

  @Test
  void aRuleFlagsMatchingAccountsWithFrozenEvidence() {
    DetectionRule rule =
        new DetectionRule(
            "card-testing",
            3,
            "d",
            "o",
            DetectionRule.Scope.SENDER,
            FeatureViews.SENDER,
            DetectionRule.Severity.HIGH,
            DetectionRule.Action.HOLD,
            "max_recharges_10min >= 5 and cards_today >= 2",
            List.of("max_recharges_10min", "cards_today"),
            io.giftpay.review.CaseKind.FRAUD,
            "card-testing.yaml");
    Dataset<Row> view =
        rows(
            "sender_id string, max_recharges_10min bigint, cards_today bigint",
            row("tester", 9L, 4L),
            row("busy", 6L, 1L),
            row("calm", 1L, 1L));
    List<Row> flags = new EvaluateRules.OneRule(rule, NIGHT).apply(view).collectAsList();
    assertEquals(1, flags.size());
    Row flag = flags.get(0);
    assertEquals("tester", flag.getAs("account_id"));
    assertEquals("sender", flag.getAs("role"));
    assertEquals("card-testing@v3", flag.getAs("source"));
    assertEquals("hold", flag.getAs("action"));
    assertEquals("high", flag.getAs("severity"));
    assertEquals(
        "{\"rule\":\"card-testing\",\"version\":3,\"view\":\"sender_features\",\"features\":{\"max_recharges_10min\":9,\"cards_today\":4}}",
        flag.getAs("evidence"));
  }

  @Test
  void pairHoldsTakeTheWindowLessWhatIsAlreadyHeld() {
    Dataset<Row> window =
        rows(
            "sender_id string, creator_id string, coins bigint, clears_on date",
            row("thief", "c1", 1000L, null),
            row("thief", "c1", 500L, null),
            row("thief", "c2", 200L, null),
            row("honest", "c1", 9999L, null));
    Dataset<Row> toHold = rows("sender_id string, source string", row("thief", "reversal"));
    Dataset<Row> held =
        rows(
            "sender_id string, creator_id string, diamonds bigint",
            row("thief", "c2", 200L),
            row("thief", "c1", 100L));
    Map<String, Long> holds = new TreeMap<>();
    new PlanPairHolds(toHold, held, 1)
        .apply(window)
        .collectAsList()
        .forEach(
            r ->
                holds.put(
                    r.<String>getAs("sender_id") + "->" + r.<String>getAs("creator_id"),
                    r.<Long>getAs("diamonds")));
    assertEquals(
        Map.of("thief->c1", 1400L), holds, "c2 already fully held; honest senders untouched");
  }

  @Test
  void holdsMoveDiamondsToHeldKeepingTheBooksAndMayGoNegative() {
    Dataset<Row> balances =
        rows(
            "creator_id string, credited_diamonds bigint, pending_diamonds bigint, available_diamonds bigint, held_diamonds bigint, paid_diamonds bigint, forfeited_diamonds bigint",
            row("partly_paid", 1000L, 0L, 300L, 0L, 700L, 0L),
            row("on_hold", 500L, 0L, 500L, 0L, 0L, 0L),
            row("clean", 50L, 0L, 50L, 0L, 0L, 0L));
    Dataset<Row> pairHolds =
        rows(
            "creator_id string, sender_id string, clears_on date, diamonds bigint, source string",
            row("partly_paid", "thief", null, 800L, "reversal"),
            row("on_hold", "alt", null, 100L, "self-gifting-sender@v1"));
    Dataset<Row> creatorHolds =
        rows("creator_id string, source string", row("on_hold", "self-gifting@v1"));
    Map<String, Row> after = new TreeMap<>();
    new ApplyHolds(pairHolds, creatorHolds, rows(io.giftpay.spark.ClearingLots.SCHEMA))
        .apply(balances)
        .collectAsList()
        .forEach(r -> after.put(r.getAs("creator_id"), r));

    Row partly = after.get("partly_paid");
    assertEquals(
        -500L,
        (long) partly.getAs("available_diamonds"),
        "700 paid already: recovered from later earnings");
    assertEquals(800L, (long) partly.getAs("held_diamonds"));
    Row held = after.get("on_hold");
    assertEquals(0L, (long) held.getAs("available_diamonds"));
    assertEquals(500L, (long) held.getAs("held_diamonds"));
    assertEquals(400L, (long) held.getAs(ApplyHolds.CREATOR_HOLD_DIAMONDS));
    assertEquals(true, held.getAs(ApplyHolds.ON_HOLD));
    assertEquals(false, after.get("clean").getAs(ApplyHolds.ON_HOLD));
    for (Row row : after.values()) {
      long credited = row.getAs("credited_diamonds");
      assertEquals(
          credited,
          row.<Long>getAs("pending_diamonds")
              + row.<Long>getAs("available_diamonds")
              + row.<Long>getAs("held_diamonds")
              + row.<Long>getAs("paid_diamonds")
              + row.<Long>getAs("forfeited_diamonds"),
          "books balance for " + row);
    }
    assertTrue(after.size() == 3);
  }
}
