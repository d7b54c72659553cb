package io.giftpay.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TableCountsTest {
  private static final Map<RejectReason, Long> QUARANTINED =
      Map.of(RejectReason.BAD_VALUE, 2L, RejectReason.UNKNOWN_GIFT, 1L);

  @Test
  void theRowsInTheFilesAreExactlyTheRowsAccountedFor() {
    TableCounts counts = new TableCounts("gifts", 10, 6, 1, QUARANTINED);
    assertEquals(3, counts.quarantined());
    assertEquals(10, counts.accounted());
    assertTrue(counts.reconciles());
    assertTrue(TableCounts.empty("rewards").reconciles());
  }

  @Test
  void aRowLostOrMadeTwiceDoesNotReconcile() {
    assertFalse(
        new TableCounts("gifts", 11, 6, 1, QUARANTINED).reconciles(),
        "one row in the files the night lost");
    assertFalse(
        new TableCounts("gifts", 9, 6, 1, QUARANTINED).reconciles(),
        "one row the night made twice");
    assertFalse(
        new TableCounts("gifts", 2, 3, -1, Map.of()).reconciles(),
        "a negative count never reconciles");
  }
}
