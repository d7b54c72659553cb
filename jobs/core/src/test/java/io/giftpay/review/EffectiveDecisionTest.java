package io.giftpay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveDecisionTest {
  private static final BigDecimal FOUR_EYES = new BigDecimal("500");
  private static final Instant T = Instant.parse("2026-11-05T10:00:00Z");

  private static ReviewDecision d(String id, Decision decision, String reviewer, long seconds) {
    return new ReviewDecision(
        id, "case-1", "u1", "sender", decision, reviewer, "r", T.plusSeconds(seconds), null);
  }

  @Test
  void theEarliestDecisionCountsAndAllAreConsumed() {
    EffectiveDecision e =
        EffectiveDecision.of(
                List.of(d("b", Decision.CONFIRMED, "bo", 5), d("a", Decision.CLEARED, "ana", 1)),
                new BigDecimal("10"),
                FOUR_EYES)
            .orElseThrow();
    assertEquals(Decision.CLEARED, e.decision());
    assertEquals(List.of("a", "b"), e.consumed());
  }

  @Test
  void aLargeConfirmationNeedsTwoDifferentReviewers() {
    assertTrue(
        EffectiveDecision.of(
                List.of(d("a", Decision.CONFIRMED, "ana", 1)), new BigDecimal("500"), FOUR_EYES)
            .isEmpty());
    assertTrue(
        EffectiveDecision.of(
                List.of(d("a", Decision.CONFIRMED, "ana", 1), d("b", Decision.CONFIRMED, "ana", 2)),
                new BigDecimal("500"),
                FOUR_EYES)
            .isEmpty());
    EffectiveDecision e =
        EffectiveDecision.of(
                List.of(d("a", Decision.CONFIRMED, "ana", 1), d("b", Decision.CONFIRMED, "bo", 2)),
                new BigDecimal("500"),
                FOUR_EYES)
            .orElseThrow();
    assertEquals("bo", e.secondReviewer());
  }

  @Test
  void aSmallConfirmationNeedsOne() {
    assertTrue(
        EffectiveDecision.of(
                List.of(d("a", Decision.CONFIRMED, "ana", 1)),
                new BigDecimal("499.9999"),
                FOUR_EYES)
            .isPresent());
  }
}
