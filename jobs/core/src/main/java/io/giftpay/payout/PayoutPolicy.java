package io.giftpay.payout;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Finance's payout policy (ledger contract, section 3). Validated on construction, so a
 * policy that exists is one the calculator can apply exactly.
 *
 * <p>Money values are normalized: {@code minimumPayoutUsd} and {@code dailyCapUsd} to scale
 * 2, {@code diamondValueUsd} without trailing zeros, so equal policies are {@code equals}.
 */
public record PayoutPolicy(
    int version,
    long diamondsPerCoin,
    BigDecimal diamondValueUsd,
    BigDecimal minimumPayoutUsd,
    BigDecimal dailyCapUsd,
    int reversalHoldDays)
    implements Serializable {

  static final String VERSION = "policy.version";
  static final String DIAMONDS_PER_COIN = "diamonds_per_coin";
  static final String DIAMOND_VALUE_USD = "diamond_value_usd";
  static final String MINIMUM_PAYOUT_USD = "minimum_payout_usd";
  static final String DAILY_CAP_USD = "daily_cap_usd";
  static final String REVERSAL_HOLD_DAYS = "reversal_hold_days";

  private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

  public PayoutPolicy {
    if (version < 1) {
      throw new InvalidPolicyValueException(VERSION, version, "must be at least 1");
    }
    if (diamondsPerCoin < 1) {
      throw new InvalidPolicyValueException(DIAMONDS_PER_COIN, diamondsPerCoin, "must be at least 1");
    }
    diamondValueUsd = checkDiamondValue(diamondValueUsd);
    minimumPayoutUsd = checkCents(MINIMUM_PAYOUT_USD, minimumPayoutUsd);
    if (minimumPayoutUsd.signum() < 0) {
      throw new InvalidPolicyValueException(
          MINIMUM_PAYOUT_USD, minimumPayoutUsd.toPlainString(), "must not be negative");
    }
    dailyCapUsd = checkCents(DAILY_CAP_USD, dailyCapUsd);
    if (dailyCapUsd.signum() <= 0) {
      throw new InvalidPolicyValueException(
          DAILY_CAP_USD, dailyCapUsd.toPlainString(), "must be positive");
    }
    if (dailyCapUsd.compareTo(minimumPayoutUsd) < 0) {
      throw new InvalidPolicyValueException(
          DAILY_CAP_USD,
          dailyCapUsd.toPlainString(),
          "must be at least " + MINIMUM_PAYOUT_USD + " " + minimumPayoutUsd.toPlainString());
    }
    if (reversalHoldDays < 0) {
      throw new InvalidPolicyValueException(REVERSAL_HOLD_DAYS, reversalHoldDays, "must not be negative");
    }
  }

  /** Finance's defaults from the contract: 1 diamond a coin at USD 0.005, 100.00 to 1000.00, 30 days. */
  public static PayoutPolicy defaults() {
    return new PayoutPolicy(
        1, 1, new BigDecimal("0.005"), new BigDecimal("100.00"), new BigDecimal("1000.00"), 30);
  }

  /** Diamonds credited for {@code coins} gifted coins; fails rather than overflow. */
  public long diamondsFor(long coins) {
    return Math.multiplyExact(coins, diamondsPerCoin);
  }

  /** The exact USD value of {@code diamonds} (not rounded to cents). */
  public BigDecimal valueUsd(long diamonds) {
    return diamondValueUsd.multiply(BigDecimal.valueOf(diamonds));
  }

  private static BigDecimal checkDiamondValue(BigDecimal value) {
    if (value == null) {
      throw new InvalidPolicyValueException(DIAMOND_VALUE_USD, null, "required");
    }
    if (value.signum() <= 0) {
      throw new InvalidPolicyValueException(DIAMOND_VALUE_USD, value.toPlainString(), "must be positive");
    }
    // whole-cent payouts must map back to a whole number of diamonds (point 6)
    if (ONE_CENT.remainder(value).signum() != 0) {
      throw new InvalidPolicyValueException(
          DIAMOND_VALUE_USD, value.toPlainString(), "must divide one cent exactly");
    }
    return value.stripTrailingZeros();
  }

  private static BigDecimal checkCents(String key, BigDecimal value) {
    if (value == null) {
      throw new InvalidPolicyValueException(key, null, "required");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new InvalidPolicyValueException(key, value.toPlainString(), "must be whole cents");
    }
    return value.setScale(2);
  }
}
