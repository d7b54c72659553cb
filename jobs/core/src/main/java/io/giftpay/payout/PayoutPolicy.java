package io.giftpay.payout;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Finance's payout policy (ledger contract, section 3). Validated on construction, so a policy that
 * exists is one the calculator can apply exactly.
 *
 * <p>Version 1 is points 1-10; version 2 (finance's default) adds point 11, clearing: diamonds
 * credited on D are pending until D + {@code clearingNights}. Version 1 has no clearing, so it
 * requires {@code clearingNights == 0}.
 *
 * <p>Money values are normalized: {@code minimumPayoutUsd} and {@code dailyCapUsd} to scale 2,
 * {@code diamondValueUsd} without trailing zeros, so equal policies are {@code equals}.
 */
public record PayoutPolicy(
    int version,
    long diamondsPerCoin,
    BigDecimal diamondValueUsd,
    BigDecimal minimumPayoutUsd,
    BigDecimal dailyCapUsd,
    int reversalHoldDays,
    int clearingNights)
    implements Serializable {

  static final String VERSION = "policy.version";
  static final String DIAMONDS_PER_COIN = "diamonds_per_coin";
  static final String DIAMOND_VALUE_USD = "diamond_value_usd";
  static final String MINIMUM_PAYOUT_USD = "minimum_payout_usd";
  static final String DAILY_CAP_USD = "daily_cap_usd";
  static final String REVERSAL_HOLD_DAYS = "reversal_hold_days";
  static final String CLEARING_NIGHTS = "clearing_nights";

  /** The newest version this code implements. */
  public static final int LATEST_VERSION = 2;

  /** Version 2's default clearing (point 11). */
  public static final int DEFAULT_CLEARING_NIGHTS = 2;

  /** A longer clearing would hold creators' money for months: more likely a typo than intent. */
  static final int MAX_CLEARING_NIGHTS = 60;

  private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

  public PayoutPolicy {
    if (version < 1 || version > LATEST_VERSION) {
      throw new InvalidPolicyValueException(VERSION, version, "must be 1 or " + LATEST_VERSION);
    }
    if (diamondsPerCoin < 1) {
      throw new InvalidPolicyValueException(
          DIAMONDS_PER_COIN, diamondsPerCoin, "must be at least 1");
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
      throw new InvalidPolicyValueException(
          REVERSAL_HOLD_DAYS, reversalHoldDays, "must not be negative");
    }
    if (clearingNights < 0 || clearingNights > MAX_CLEARING_NIGHTS) {
      throw new InvalidPolicyValueException(
          CLEARING_NIGHTS, clearingNights, "must be between 0 and " + MAX_CLEARING_NIGHTS);
    }
    if (version == 1 && clearingNights != 0) {
      throw new InvalidPolicyValueException(
          CLEARING_NIGHTS,
          clearingNights,
          "must be 0 under " + VERSION + " 1 (clearing is version 2)");
    }
  }

  /** A version 1 policy: no clearing. */
  public PayoutPolicy(
      int version,
      long diamondsPerCoin,
      BigDecimal diamondValueUsd,
      BigDecimal minimumPayoutUsd,
      BigDecimal dailyCapUsd,
      int reversalHoldDays) {
    this(
        version,
        diamondsPerCoin,
        diamondValueUsd,
        minimumPayoutUsd,
        dailyCapUsd,
        reversalHoldDays,
        0);
  }

  /**
   * Finance's defaults from the contract: version 2, 1 diamond a coin at USD 0.005, 100.00 to
   * 1000.00, 30 days of reversal hold, 2 clearing nights.
   */
  public static PayoutPolicy defaults() {
    return new PayoutPolicy(
        2,
        1,
        new BigDecimal("0.005"),
        new BigDecimal("100.00"),
        new BigDecimal("1000.00"),
        30,
        DEFAULT_CLEARING_NIGHTS);
  }

  /**
   * The night diamonds credited on {@code credited} become available (point 11; v1: that night).
   */
  public java.time.LocalDate clearsOn(java.time.LocalDate credited) {
    return credited.plusDays(clearingNights);
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
      throw new InvalidPolicyValueException(
          DIAMOND_VALUE_USD, value.toPlainString(), "must be positive");
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
