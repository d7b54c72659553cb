package io.giftpay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.giftpay.spark.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The review transforms on a few rows: decisions move diamonds, cleared rules stay quiet, cases
 * gather and close.
 */
class ReviewTransformsSparkTest extends SparkTestBase {
  private static final String BALANCES =
      "creator_id string, credited_diamonds bigint, pending_diamonds bigint, available_diamonds bigint, held_diamonds bigint, paid_diamonds bigint, forfeited_diamonds bigint";
  private static final LocalDate D = LocalDate.of(2026, 11, 5);

  @Test
  void decisionsReleaseAndForfeitWithoutBreakingTheBooks() {
    Dataset<Row> balances =
        rows(
            BALANCES,
            row("c1", 1000L, 0L, 100L, 900L, 0L, 0L),
            row("c2", 500L, 0L, -50L, 550L, 0L, 0L),
            row("c3", 10L, 0L, 10L, 0L, 0L, 0L));
    Dataset<Row> moves =
        rows(
            "case_id string, creator_id string, released bigint, forfeited bigint",
            row("case-a", "c1", 600L, 0L),
            row("case-b", "c1", 0L, 300L),
            row("case-b", "c2", 0L, 550L));
    Dataset<Row> noLots = rows(io.giftpay.spark.ClearingLots.SCHEMA);
    Map<String, Row> after =
        byKey(new ApplyDecisions(moves, noLots, noLots).apply(balances), "creator_id");
    assertEquals(
        List.of(700L, 0L, 300L),
        List.of(
            after.get("c1").<Long>getAs("available_diamonds"),
            after.get("c1").<Long>getAs("held_diamonds"),
            after.get("c1").<Long>getAs("forfeited_diamonds")));
    assertEquals(-50L, after.get("c2").<Long>getAs("available_diamonds"));
    assertEquals(550L, after.get("c2").<Long>getAs("forfeited_diamonds"));
    for (Row r : after.values()) {
      assertEquals(
          r.<Long>getAs("credited_diamonds"),
          r.<Long>getAs("pending_diamonds")
              + r.<Long>getAs("available_diamonds")
              + r.<Long>getAs("held_diamonds")
              + r.<Long>getAs("paid_diamonds")
              + r.<Long>getAs("forfeited_diamonds"),
          "books of " + r);
    }
  }

  @Test
  void aClearedRuleStaysQuietUnlessItsEvidenceGrows() {
    Dataset<Row> flags =
        rows(
            "account_id string, role string, source string, evidence string",
            row(
                "u1",
                "sender",
                "card-testing@v3",
                "{\"rule\":\"card-testing\",\"features\":{\"cards_today\":3,\"note\":\"x\"}}"),
            row(
                "u2",
                "sender",
                "card-testing@v3",
                "{\"rule\":\"card-testing\",\"features\":{\"cards_today\":9}}"),
            row(
                "u3",
                "sender",
                "card-testing@v4",
                "{\"rule\":\"card-testing\",\"features\":{\"cards_today\":3}}"),
            row("u1", "sender", "isolation-forest@if-v1-abc", "{\"model\":\"if\",\"score\":0.8}"),
            row("u1", "creator", "self-gifting@v2", "{\"features\":{\"share\":0.9}}"));
    Dataset<Row> quiet =
        rows(
            CaseBookSchema.SUPPRESSIONS,
            row(
                "u1",
                "sender",
                "card-testing",
                D,
                "{\"features\":{\"cards_today\":3,\"note\":\"y\"}}"),
            row("u2", "sender", "card-testing", D, "{\"features\":{\"cards_today\":4}}"),
            row("u1", "sender", "isolation-forest", D, "{\"model\":\"if\",\"score\":0.7}"));
    List<String> kept =
        new SuppressClearedFlags(quiet, 0.5)
            .apply(flags).orderBy("account_id", "role", "source").collectAsList().stream()
                .map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2))
                .toList();
    // u1's card testing did not grow; u2's did (9 > 4 × 1.5); u3 was never cleared; u1 as creator
    // is another case.
    assertEquals(
        List.of(
            "u1/creator/self-gifting@v2", "u2/sender/card-testing@v3", "u3/sender/card-testing@v4"),
        kept);
  }

  @Test
  void casesGatherFlagsAndHoldsAndCloseWhenDecided() {
    LocalDate before = D.minusDays(1);
    Dataset<Row> previousBook =
        rows(
            CaseBookSchema.CASES,
            row(
                "case-old",
                "s1",
                "sender",
                "fraud",
                List.of("card-testing@v3"),
                null,
                400L,
                before.minusDays(1),
                before,
                "open",
                null,
                null),
            row(
                "case-done",
                "c9",
                "creator",
                "fraud",
                List.of("self-gifting@v2"),
                null,
                0L,
                before,
                before,
                "decided",
                "cleared",
                before),
            row(
                "case-clear",
                "c2",
                "creator",
                "fraud",
                List.of("self-gifting@v2"),
                null,
                700L,
                before,
                before,
                "open",
                null,
                null));
    Dataset<Row> previousHolds =
        rows(CaseBookSchema.CASE_HOLDS, row("case-old", "c1", 400L), row("case-clear", "c2", 700L));
    Dataset<Row> flags =
        rows(
            "account_id string, role string, source string, score double",
            row("s1", "sender", "isolation-forest@if-v1", 0.81),
            row("v7", "sender", "overspending-vs-baseline@v2", null));
    Dataset<Row> holds =
        rows(
            "creator_id string, sender_id string, diamonds bigint, source string",
            row("c1", "s1", 100L, "card-testing@v3,reversal"),
            row("c3", null, 50L, "laundering-receiver@v1"));
    Dataset<Row> decided = rows("case_id string, decision string", row("case-clear", "cleared"));

    BuildCaseBook built =
        new BuildCaseBook(D, Set.of("overspending-vs-baseline"))
            .apply(previousBook, previousHolds, flags, holds, decided);
    Map<String, Row> book = byKey(built.book(), "account_id");
    Row s1 = book.get("s1");
    assertEquals("case-old", s1.getAs("case_id"));
    assertEquals(
        List.of("card-testing@v3", "isolation-forest@if-v1", "reversal"),
        s1.getList(s1.fieldIndex("sources")));
    assertEquals(0.81, s1.<Double>getAs("model_score"));
    assertEquals(500L, s1.<Long>getAs("held_diamonds"));
    assertEquals(D, s1.getAs("last_flagged"));
    assertEquals(before.minusDays(1), s1.getAs("first_flagged"));
    Row v7 = book.get("v7");
    assertEquals("care", v7.getAs("kind"));
    assertEquals(CaseIds.of("sender", "v7", D), v7.getAs("case_id"));
    assertNull(v7.getAs("model_score"));
    assertEquals("fraud", book.get("c3").getAs("kind"));
    assertEquals(50L, book.get("c3").<Long>getAs("held_diamonds"));
    Row c2 = book.get("c2");
    assertEquals(
        List.of("decided", "cleared", 0L),
        List.of(c2.getAs("status"), c2.getAs("decision"), c2.getAs("held_diamonds")));
    assertEquals("decided", book.get("c9").getAs("status"));
    assertEquals(5, book.size());
    Map<String, Row> caseHolds = byKey(built.caseHolds(), "creator_id");
    assertEquals(2, caseHolds.size(), "the decided case's holds are gone: " + caseHolds);
    assertEquals(500L, caseHolds.get("c1").<Long>getAs("diamonds"));
  }

  private static Map<String, Row> byKey(Dataset<Row> rows, String key) {
    Map<String, Row> byKey = new TreeMap<>();
    for (Row r : rows.collectAsList()) {
      byKey.put(r.getAs(key), r);
    }
    return byKey;
  }
}
