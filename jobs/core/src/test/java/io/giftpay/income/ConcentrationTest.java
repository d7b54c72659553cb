package io.giftpay.income;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConcentrationTest {
  @Test
  void oneGifterHasAllOfTheIncome() {
    assertEquals(1.0, Concentration.herfindahl(700L));
    assertEquals(1.0, Concentration.topShare(1, 700L));
    assertEquals(1.0, Concentration.topShare(5, 700L));
  }

  @Test
  void nEqualGiftersGiveOneOverN() {
    for (int n = 1; n <= 40; n++) {
      long[] amounts = new long[n];
      java.util.Arrays.fill(amounts, 1234L);
      assertEquals(1.0 / n, Concentration.herfindahl(amounts), 1e-15, "n=" + n);
      assertEquals(
          Math.min(5, n) / (double) n, Concentration.topShare(5, amounts), 1e-15, "n=" + n);
    }
  }

  @Test
  void amountsAndSharesGiveTheSameIndex() {
    long[] amounts = {600, 300, 100};
    assertEquals(0.36 + 0.09 + 0.01, Concentration.herfindahl(amounts), 1e-15);
    assertEquals(Concentration.herfindahl(0.6, 0.3, 0.1), Concentration.herfindahl(amounts), 1e-15);
  }

  @Test
  void theIndexDoesNotDependOnOrder() {
    long[] amounts = {3, 1_000_000_007L, 17, 999, 5_000_000_000L, 1};
    long[] reversed = {1, 5_000_000_000L, 999, 17, 1_000_000_007L, 3};
    assertEquals(Concentration.herfindahl(amounts), Concentration.herfindahl(reversed));
  }

  @Test
  void hugeAmountsDoNotOverflow() {
    // Each square is far beyond a long; the exact sum must still give 1/2.
    assertEquals(0.5, Concentration.herfindahl(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4));
  }

  @Test
  void topSumTakesTheLargest() {
    assertEquals(9 + 8 + 7 + 6 + 5, Concentration.topSum(5, 1, 9, 2, 8, 3, 7, 4, 6, 5));
    assertEquals(3, Concentration.topSum(5, 1, 2));
    assertEquals(0.0, Concentration.topShare(5));
    assertEquals(0.0, Concentration.herfindahl(new long[0]));
    assertEquals(35.0 / 45.0, Concentration.topShare(5, 1, 9, 2, 8, 3, 7, 4, 6, 5), 1e-15);
  }

  @Test
  void badInputsAreRefusedByName() {
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> Concentration.herfindahl(5L, -1L));
    assertTrue(negative.getMessage().contains("'-1'"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Concentration.topSum(0, 1L));
    assertThrows(IllegalArgumentException.class, () -> Concentration.share(3, 2));
    assertThrows(IllegalArgumentException.class, () -> Concentration.herfindahl(1.5));
  }
}
