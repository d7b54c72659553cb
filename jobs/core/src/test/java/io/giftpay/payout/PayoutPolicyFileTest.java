package io.giftpay.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PayoutPolicyFileTest {
  /** The project's real policy file, two levels above this module. */
  static final Path REAL_POLICY =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../../rules/payout-policy.properties")
          .normalize();

  @Test
  void realPolicyFileIsTheContractDefaults() {
    assertEquals(PayoutPolicy.defaults(), PayoutPolicyFile.load(REAL_POLICY));
  }

  @Test
  void missingKeysTakeDefaults() {
    PayoutPolicy policy = PayoutPolicyFile.load(fixture("partial-overrides.properties"));
    assertEquals(new BigDecimal("0.0025"), policy.diamondValueUsd());
    assertEquals(new BigDecimal("500.00"), policy.dailyCapUsd());
    assertEquals(new BigDecimal("100.00"), policy.minimumPayoutUsd());
    assertEquals(1L, policy.diamondsPerCoin());
    assertEquals(30, policy.reversalHoldDays());
    assertEquals(
        2, policy.clearingNights(), "no version given: finance's default, v2 with 2 nights");
  }

  @Test
  void diamondValueNotDividingACent() {
    assertFails(
        "diamond-value-not-dividing-a-cent.properties",
        "diamond_value_usd",
        "Invalid diamond_value_usd: 0.003 (must divide one cent exactly)");
  }

  @Test
  void diamondValueAboveACent() {
    assertFails(
        "diamond-value-above-a-cent.properties",
        "diamond_value_usd",
        "Invalid diamond_value_usd: 0.02 (must divide one cent exactly)");
  }

  @Test
  void unknownKeyIsATypoNotADefault() {
    PolicyFileException e =
        assertThrows(
            PolicyFileException.class,
            () -> PayoutPolicyFile.load(fixture("unknown-key.properties")));
    String file = fixture("unknown-key.properties").toString();
    assertTrue(e.getMessage().startsWith(file + ": unknown key 'daily_cap'"), e.getMessage());
    assertEquals("daily_cap", e.key());
    assertEquals(file, e.file());
  }

  @Test
  void minimumNotADecimal() {
    assertFails(
        "minimum-not-a-decimal.properties",
        "minimum_payout_usd",
        "Invalid minimum_payout_usd: 'abc' (not a decimal)");
  }

  @Test
  void minimumWithFractionalCents() {
    assertFails(
        "minimum-fractional-cents.properties",
        "minimum_payout_usd",
        "Invalid minimum_payout_usd: 100.005 (must be whole cents)");
  }

  @Test
  void capBelowMinimum() {
    assertFails(
        "cap-below-minimum.properties",
        "daily_cap_usd",
        "Invalid daily_cap_usd: 50.00 (must be at least minimum_payout_usd 100.00)");
  }

  @Test
  void diamondsPerCoinZero() {
    assertFails(
        "diamonds-per-coin-zero.properties",
        "diamonds_per_coin",
        "Invalid diamonds_per_coin: 0 (must be at least 1)");
  }

  @Test
  void holdDaysNotAWholeNumber() {
    assertFails(
        "hold-days-not-a-whole-number.properties",
        "reversal_hold_days",
        "Invalid reversal_hold_days: '30.5' (not a whole number in range)");
  }

  @Test
  void versionZero() {
    assertFails(
        "version-zero.properties", "policy.version", "Invalid policy.version: 0 (must be 1 or 2)");
  }

  @Test
  void versionThree() {
    assertFails(
        "version-three.properties", "policy.version", "Invalid policy.version: 3 (must be 1 or 2)");
  }

  @Test
  void clearingUnderVersionOne() {
    assertFails(
        "clearing-under-version-one.properties",
        "clearing_nights",
        "Invalid clearing_nights: 2 (must be 0 under policy.version 1 (clearing is version 2))");
  }

  @Test
  void clearingNightsNegative() {
    assertFails(
        "clearing-nights-negative.properties",
        "clearing_nights",
        "Invalid clearing_nights: -1 (must be between 0 and 60)");
  }

  @Test
  void aVersionOneFileWithoutClearingIsVersionOne() {
    PayoutPolicy policy = PayoutPolicyFile.load(fixture("version-one-without-clearing.properties"));
    assertEquals(1, policy.version());
    assertEquals(0, policy.clearingNights(), "a v1 file predates clearing: none, not v2's default");
  }

  @Test
  void duplicateKeyIsRefusedRatherThanLastWins() {
    assertFails("duplicate-key.properties", "daily_cap_usd", "duplicate key 'daily_cap_usd'");
  }

  @Test
  void missingFileNamesTheFile() {
    Path missing = Path.of("no/such/payout-policy.properties");
    PolicyFileException e =
        assertThrows(PolicyFileException.class, () -> PayoutPolicyFile.load(missing));
    assertTrue(e.getMessage().startsWith(missing + ": cannot read policy file"), e.getMessage());
    assertNull(e.key());
  }

  private static void assertFails(String fixture, String key, String message) {
    Path file = fixture(fixture);
    PolicyFileException e =
        assertThrows(PolicyFileException.class, () -> PayoutPolicyFile.load(file));
    assertEquals(file + ": " + message, e.getMessage());
    assertEquals(key, e.key());
  }

  static Path fixture(String name) {
    try {
      return Path.of(PayoutPolicyFileTest.class.getResource("/policy/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
