package io.giftpay.income;

import static io.giftpay.income.DependencyBand.HIGH;
import static io.giftpay.income.DependencyBand.LOW;
import static io.giftpay.income.DependencyBand.MEDIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DependencyBandTest {
  private static final BigDecimal ENOUGH = new BigDecimal("250.0000");

  private static DependencyBand equalGifters(int n) {
    long[] amounts = new long[n];
    java.util.Arrays.fill(amounts, 100L);
    return DependencyBand.of(
        ENOUGH,
        Concentration.topShare(1, amounts),
        Concentration.topShare(5, amounts),
        Concentration.herfindahl(amounts));
  }

  @Test
  void equalGiftersMoveDownTheBandsAsTheyGrowInNumber() {
    assertEquals(HIGH, equalGifters(1));
    assertEquals(HIGH, equalGifters(2));
    assertEquals(HIGH, equalGifters(4)); // HHI exactly 0.25
    assertEquals(MEDIUM, equalGifters(5));
    assertEquals(MEDIUM, equalGifters(10)); // HHI exactly 0.10
    assertEquals(LOW, equalGifters(11));
    assertEquals(LOW, equalGifters(100));
  }

  @Test
  void oneBigGifterAmongManyIsHigh() {
    long[] amounts = new long[51];
    java.util.Arrays.fill(amounts, 1L);
    amounts[0] = 50L; // exactly half
    double top = Concentration.topShare(1, amounts);
    double hhi = Concentration.herfindahl(amounts);
    assertEquals(0.5, top);
    assertEquals(HIGH, DependencyBand.of(ENOUGH, top, Concentration.topShare(5, amounts), hhi));
  }

  @Test
  void topFiveShareAloneMakesMedium() {
    // The shares on their own, each just at or just under its line, the other two low.
    assertEquals(MEDIUM, DependencyBand.of(ENOUGH, 0.16, 0.8, 0.05));
    assertEquals(LOW, DependencyBand.of(ENOUGH, 0.16, 0.7999999, 0.0999999));
  }

  @Test
  void belowTheMinimumIsLowWhateverTheShares() {
    assertEquals(LOW, DependencyBand.of(new BigDecimal("9.9999"), 1.0, 1.0, 1.0));
    assertEquals(HIGH, DependencyBand.of(new BigDecimal("10.0000"), 1.0, 1.0, 1.0));
    assertEquals(LOW, DependencyBand.of(BigDecimal.ZERO, 0.0, 0.0, 0.0));
  }

  @Test
  void labelsAreThePublishedValues() {
    assertEquals("low", LOW.label());
    assertEquals("medium", MEDIUM.label());
    assertEquals("high", HIGH.label());
  }

  @Test
  void impossibleInputsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DependencyBand.of(new BigDecimal("-1"), 0.5, 0.5, 0.5));
    assertThrows(IllegalArgumentException.class, () -> DependencyBand.of(null, 0.5, 0.5, 0.5));
    assertThrows(
        IllegalArgumentException.class, () -> DependencyBand.of(ENOUGH, Double.NaN, 0.5, 0.5));
    assertThrows(IllegalArgumentException.class, () -> DependencyBand.of(ENOUGH, 0.5, 1.2, 0.5));
  }
}
