package io.giftpay.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SenderModelFeaturesTest {
  @Test
  void countsAreLogScaledSharesKeptAndNullsZero() {
    Double[] raw = new Double[SenderModelFeatures.NAMES.size()];
    raw[SenderModelFeatures.NAMES.indexOf("coins_today")] = Math.E - 1;
    raw[SenderModelFeatures.NAMES.indexOf("night_share")] = 0.25;
    raw[SenderModelFeatures.NAMES.indexOf("cards_today")] = -3.0;
    double[] v = SenderModelFeatures.vector(raw);
    assertEquals(1.0, v[SenderModelFeatures.NAMES.indexOf("coins_today")], 1e-12);
    assertEquals(0.25, v[SenderModelFeatures.NAMES.indexOf("night_share")], 1e-12);
    assertEquals(
        0.0,
        v[SenderModelFeatures.NAMES.indexOf("cards_today")],
        1e-12,
        "negative counts cannot happen; clamp");
    assertEquals(0.0, v[SenderModelFeatures.NAMES.indexOf("gifts_today")], 1e-12, "null is 0");
    assertThrows(IllegalArgumentException.class, () -> SenderModelFeatures.vector(new Double[3]));
  }
}
