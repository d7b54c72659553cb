package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DeduplicationSparkTest extends SparkTestBase {
  private static final String EVENTS =
      "event_id string, coins bigint, _source_file string, _record string";

  @Test
  void keepsOneRowPerEventChosenBySourceFileThenRecord() {
    Dataset<Row> events =
        rows(
            EVENTS,
            row("e1", 5L, "b.csv", "{5}"),
            row("e1", 7L, "a.csv", "{7}"),
            row("e1", 6L, "a.csv", "{6}"),
            row("e2", 1L, "b.csv", "{1}"));
    List<Row> kept =
        new KeepFirstOfEachKey("event_id").apply(events).orderBy("event_id").collectAsList();
    assertEquals(2, kept.size());
    assertEquals(6L, (long) kept.get(0).getAs("coins"), "a.csv before b.csv, then {6} before {7}");
    assertEquals(1L, (long) kept.get(1).getAs("coins"));
  }

  @Test
  void dropsEventsAcceptedOnEarlierNights() {
    Dataset<Row> tonight =
        rows(EVENTS, row("e1", 1L, "a", "r"), row("e2", 2L, "a", "r"), row("e3", 3L, "a", "r"));
    Dataset<Row> seen =
        rows("event_id string, event_date date", row("e2", null), row("e2", null), row("e9", null));
    List<String> fresh =
        new DropSeenEvents(seen)
            .apply(tonight).orderBy("event_id").collectAsList().stream()
                .map(r -> r.<String>getAs("event_id"))
                .toList();
    assertEquals(List.of("e1", "e3"), fresh);
  }
}
