package io.giftpay.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceGrowthTest {
  private final EvidenceGrowth growth = new EvidenceGrowth(0.5);

  @Test
  void theSameOrSmallerEvidenceHasNotGrown() {
    assertFalse(
        growth.grew(
            Map.of("coins_today", 1000.0, "accounts", 3.0),
            Map.of("coins_today", 1500.0, "accounts", 2.0)));
  }

  @Test
  void moreThanTheFactorAgainHasGrown() {
    assertTrue(growth.grew(Map.of("coins_today", 1000.0), Map.of("coins_today", 1500.5)));
  }

  @Test
  void aFeatureTheReviewerDidNotSeeCountsAsGrown() {
    Map<String, Double> before = new HashMap<>();
    before.put("chargebacks", null);
    assertTrue(growth.grew(before, Map.of("chargebacks", 1.0)));
    assertFalse(growth.grew(Map.of("chargebacks", 1.0), new HashMap<>(Map.of())));
  }

  @Test
  void aNegativeFactorIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new EvidenceGrowth(-0.1));
  }
}
