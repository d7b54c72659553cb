package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The check step's per-creator invariants, found in one aggregate. */
class FindCreatorBookMismatchesSparkTest extends SparkTestBase {
  private static final String BALANCES =
      "creator_id string, held_diamonds bigint, pending_diamonds bigint";
  private static final String CASE_HOLDS = "creator_id string, diamonds bigint";

  private static final LocalDate LATER = LocalDate.of(2026, 11, 9);

  @Test
  void creatorsWhoseHeldOrPendingDiamondsAreNotBackedOrWhoVanishedAreFound() {
    Dataset<Row> tonight =
        rows(
            BALANCES,
            row("ok", 300L, 40L), // held by two cases, pending in two unheld lots
            row("held-short", 300L, 0L), // only 200 in its case
            row("held-orphan", 50L, 0L), // no case at all
            row("pending-short", 0L, 90L), // its unheld lot has 60; the held one does not count
            row("quiet", 0L, 0L));
    Dataset<Row> cases =
        rows(
            CASE_HOLDS,
            row("ok", 100L),
            row("ok", 200L),
            row("held-short", 200L),
            row("no-balance", 70L)); // a case's hold on a creator with no balance row
    Dataset<Row> lots =
        rows(
            ClearingLots.SCHEMA,
            row("ok", LATER, false, 15L),
            row("ok", LATER, false, 25L),
            row("pending-short", LATER, false, 60L),
            row("pending-short", LATER, true, 30L));
    Dataset<Row> lastNight = rows(BALANCES, row("ok", 0L, 0L), row("gone", 0L, 0L));

    List<String> found =
        new FindCreatorBookMismatches(cases, lots, Optional.of(lastNight))
            .apply(tonight).orderBy("creator_id").collectAsList().stream()
                .map(Row::toString)
                .toList();

    assertEquals(
        List.of(
            "[gone,false,false,true]",
            "[held-orphan,true,false,false]",
            "[held-short,true,false,false]",
            "[no-balance,true,false,false]",
            "[pending-short,false,true,false]"),
        found);
  }

  @Test
  void withoutALastNightNobodyIsLostAndBackedBooksGiveNothing() {
    Dataset<Row> tonight = rows(BALANCES, row("c1", 10L, 5L));
    Dataset<Row> cases = rows(CASE_HOLDS, row("c1", 10L));
    Dataset<Row> lots = rows(ClearingLots.SCHEMA, row("c1", LATER, false, 5L));

    assertEquals(
        0, new FindCreatorBookMismatches(cases, lots, Optional.empty()).apply(tonight).count());
  }
}
