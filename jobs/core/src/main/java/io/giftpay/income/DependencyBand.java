package io.giftpay.income;

import java.math.BigDecimal;

/**
 * How much a creator depends on a few gifters over the last 30 nights, as published in {@code
 * creator_income.band}. The first rule that applies decides:
 *
 * <ol>
 *   <li>{@code low} when the creator was credited less than {@link #MINIMUM_USD_30D} (USD 10) over
 *       the 30 nights: that is not income anyone lives on, and the ratios over a handful of gifts
 *       are noise (almost every new creator starts with one gifter).
 *   <li>{@code high} when the top gifter gave at least {@link #HIGH_TOP_GIFTER_SHARE} (half) of the
 *       30 nights' diamonds, so losing one person halves the income; or the Herfindahl index is at
 *       least {@link #HIGH_CONCENTRATION} (0.25), i.e. the income is worth four or fewer equal
 *       gifters (1/HHI is the effective number of gifters; 0.25 is also the competition
 *       authorities' long-standing "highly concentrated" line).
 *   <li>{@code medium} when the top five gifters gave at least {@link #MEDIUM_TOP5_SHARE} (80%); or
 *       the index is at least {@link #MEDIUM_CONCENTRATION} (0.10): ten or fewer effective gifters,
 *       so the average gifter's departure costs a tenth or more.
 *   <li>{@code low} otherwise: the income is spread over many gifters.
 * </ol>
 *
 * <p>Shares are computed over diamonds per gifter (the same as over USD, one diamond having one
 * value). The thresholds compare with {@code >=} on exactly the doubles that are published, so the
 * Spark column and {@link #of} agree on every row.
 */
public enum DependencyBand {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  /** Below this many USD over 30 nights the band is {@code low}, whatever the shares. */
  public static final BigDecimal MINIMUM_USD_30D = new BigDecimal("10.00");

  /** {@code high} from this top gifter's share. */
  public static final double HIGH_TOP_GIFTER_SHARE = 0.5;

  /** {@code high} from this Herfindahl index (four effective gifters). */
  public static final double HIGH_CONCENTRATION = 0.25;

  /** How many top gifters {@code top5_share} adds up. */
  public static final int TOP_GIFTERS = 5;

  /** {@code medium} from this share of the top five gifters. */
  public static final double MEDIUM_TOP5_SHARE = 0.8;

  /** {@code medium} from this Herfindahl index (ten effective gifters). */
  public static final double MEDIUM_CONCENTRATION = 0.10;

  private final String label;

  DependencyBand(String label) {
    this.label = label;
  }

  /** The published value: {@code low}, {@code medium} or {@code high}. */
  public String label() {
    return label;
  }

  /** The band of a creator credited {@code usd30d} over 30 nights with these shares. */
  public static DependencyBand of(
      BigDecimal usd30d, double topGifterShare, double top5Share, double concentration) {
    if (usd30d == null || usd30d.signum() < 0) {
      throw new IllegalArgumentException(
          "Invalid usd_30d: '" + usd30d + "' (a credited amount is zero or more)");
    }
    requireShare("top_gifter_share", topGifterShare);
    requireShare("top5_share", top5Share);
    requireShare("concentration", concentration);
    if (usd30d.compareTo(MINIMUM_USD_30D) < 0) {
      return LOW;
    }
    if (topGifterShare >= HIGH_TOP_GIFTER_SHARE || concentration >= HIGH_CONCENTRATION) {
      return HIGH;
    }
    if (top5Share >= MEDIUM_TOP5_SHARE || concentration >= MEDIUM_CONCENTRATION) {
      return MEDIUM;
    }
    return LOW;
  }

  private static void requireShare(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(
          "Invalid " + field + ": '" + value + "' (a share is between 0 and 1)");
    }
  }
}
