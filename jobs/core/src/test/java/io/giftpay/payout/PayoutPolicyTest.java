package io.giftpay.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayoutPolicyTest {
  private static final BigDecimal MIN = new BigDecimal("100.00");
  private static final BigDecimal CAP = new BigDecimal("1000.00");
  private static final BigDecimal VALUE = new BigDecimal("0.005");

  @Test
  void defaultsAreTheContractsVersionTwoWithTwoClearingNights() {
    PayoutPolicy policy = PayoutPolicy.defaults();
    assertEquals(2, policy.version());
    assertEquals(2, policy.clearingNights());
    assertEquals(
        java.time.LocalDate.of(2026, 11, 3), policy.clearsOn(java.time.LocalDate.of(2026, 11, 1)));
    assertEquals(1L, policy.diamondsPerCoin());
    assertEquals(new BigDecimal("0.005"), policy.diamondValueUsd());
    assertEquals(new BigDecimal("100.00"), policy.minimumPayoutUsd());
    assertEquals(new BigDecimal("1000.00"), policy.dailyCapUsd());
    assertEquals(30, policy.reversalHoldDays());
  }

  @Test
  void diamondsForMultipliesAndRefusesOverflow() {
    PayoutPolicy three = new PayoutPolicy(1, 3, VALUE, MIN, CAP, 30);
    assertEquals(26999L * 3, three.diamondsFor(26999));
    assertThrows(ArithmeticException.class, () -> three.diamondsFor(Long.MAX_VALUE / 2));
  }

  @Test
  void valueUsdIsExact() {
    PayoutPolicy policy = PayoutPolicy.defaults();
    assertEquals(0, new BigDecimal("100.005").compareTo(policy.valueUsd(20001)));
    assertEquals(0, new BigDecimal("0.005").compareTo(policy.valueUsd(1)));
    assertEquals(0, new BigDecimal("-0.010").compareTo(policy.valueUsd(-2)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0025", "0.005", "0.01", "0.001", "0.0001", "0.010"})
  void acceptsDiamondValuesThatDivideACent(String value) {
    PayoutPolicy policy = new PayoutPolicy(1, 1, new BigDecimal(value), MIN, CAP, 30);
    assertEquals(0, new BigDecimal(value).compareTo(policy.diamondValueUsd()));
  }

  @Test
  void normalizesScalesSoEqualPoliciesAreEqual() {
    PayoutPolicy spelledOut =
        new PayoutPolicy(
            2, 1, new BigDecimal("0.0050"), new BigDecimal("100"), new BigDecimal("1000.0"), 30, 2);
    assertEquals(PayoutPolicy.defaults(), spelledOut);
  }

  @Test
  void refusesVersionsItDoesNotImplement() {
    assertMessage(
        "Invalid policy.version: 0 (must be 1 or 2)",
        () -> new PayoutPolicy(0, 1, VALUE, MIN, CAP, 30));
    assertMessage(
        "Invalid policy.version: 3 (must be 1 or 2)",
        () -> new PayoutPolicy(3, 1, VALUE, MIN, CAP, 30, 2));
  }

  @Test
  void versionOneHasNoClearingAndVersionTwoMayHaveNone() {
    PayoutPolicy v1 = new PayoutPolicy(1, 1, VALUE, MIN, CAP, 30);
    assertEquals(0, v1.clearingNights());
    assertEquals(
        java.time.LocalDate.of(2026, 11, 1),
        v1.clearsOn(java.time.LocalDate.of(2026, 11, 1)),
        "v1: payable the night credited");
    assertMessage(
        "Invalid clearing_nights: 2 (must be 0 under policy.version 1 (clearing is version 2))",
        () -> new PayoutPolicy(1, 1, VALUE, MIN, CAP, 30, 2));
    assertEquals(0, new PayoutPolicy(2, 1, VALUE, MIN, CAP, 30, 0).clearingNights());
    assertMessage(
        "Invalid clearing_nights: -1 (must be between 0 and 60)",
        () -> new PayoutPolicy(2, 1, VALUE, MIN, CAP, 30, -1));
    assertMessage(
        "Invalid clearing_nights: 61 (must be between 0 and 60)",
        () -> new PayoutPolicy(2, 1, VALUE, MIN, CAP, 30, 61));
  }

  @Test
  void refusesDiamondsPerCoinBelowOne() {
    assertMessage(
        "Invalid diamonds_per_coin: 0 (must be at least 1)",
        () -> new PayoutPolicy(1, 0, VALUE, MIN, CAP, 30));
  }

  @Test
  void refusesDiamondValueNotDividingACent() {
    assertMessage(
        "Invalid diamond_value_usd: 0.003 (must divide one cent exactly)",
        () -> new PayoutPolicy(1, 1, new BigDecimal("0.003"), MIN, CAP, 30));
    assertMessage(
        "Invalid diamond_value_usd: 0.02 (must divide one cent exactly)",
        () -> new PayoutPolicy(1, 1, new BigDecimal("0.02"), MIN, CAP, 30));
  }

  @Test
  void refusesMissingOrNonPositiveDiamondValue() {
    assertMessage(
        "Invalid diamond_value_usd: 0 (must be positive)",
        () -> new PayoutPolicy(1, 1, BigDecimal.ZERO, MIN, CAP, 30));
    assertMessage(
        "Invalid diamond_value_usd: -0.005 (must be positive)",
        () -> new PayoutPolicy(1, 1, new BigDecimal("-0.005"), MIN, CAP, 30));
    assertMessage(
        "Invalid diamond_value_usd: null (required)",
        () -> new PayoutPolicy(1, 1, null, MIN, CAP, 30));
  }

  @Test
  void refusesMinimumThatIsNegativeOrNotWholeCents() {
    assertMessage(
        "Invalid minimum_payout_usd: -1.00 (must not be negative)",
        () -> new PayoutPolicy(1, 1, VALUE, new BigDecimal("-1.00"), CAP, 30));
    assertMessage(
        "Invalid minimum_payout_usd: 99.995 (must be whole cents)",
        () -> new PayoutPolicy(1, 1, VALUE, new BigDecimal("99.995"), CAP, 30));
  }

  @Test
  void acceptsZeroMinimum() {
    assertEquals(
        new BigDecimal("0.00"),
        new PayoutPolicy(1, 1, VALUE, BigDecimal.ZERO, CAP, 30).minimumPayoutUsd());
  }

  @Test
  void refusesCapThatIsNotPositiveNotWholeCentsOrBelowMinimum() {
    assertMessage(
        "Invalid daily_cap_usd: 0.00 (must be positive)",
        () -> new PayoutPolicy(1, 1, VALUE, BigDecimal.ZERO, new BigDecimal("0.00"), 30));
    assertMessage(
        "Invalid daily_cap_usd: 1000.001 (must be whole cents)",
        () -> new PayoutPolicy(1, 1, VALUE, MIN, new BigDecimal("1000.001"), 30));
    assertMessage(
        "Invalid daily_cap_usd: 99.99 (must be at least minimum_payout_usd 100.00)",
        () -> new PayoutPolicy(1, 1, VALUE, MIN, new BigDecimal("99.99"), 30));
  }

  @Test
  void acceptsCapEqualToMinimum() {
    assertEquals(MIN, new PayoutPolicy(1, 1, VALUE, MIN, MIN, 30).dailyCapUsd());
  }

  @Test
  void refusesNegativeHoldDays() {
    assertMessage(
        "Invalid reversal_hold_days: -1 (must not be negative)",
        () -> new PayoutPolicy(1, 1, VALUE, MIN, CAP, -1));
    assertEquals(0, new PayoutPolicy(1, 1, VALUE, MIN, CAP, 0).reversalHoldDays());
  }

  private static void assertMessage(
      String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
