package io.giftpay.detect;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One feature of an explained row.
 *
 * @param feature the feature name
 * @param value the row's value
 * @param percentile where the value falls among the training rows, 0..100 (mid-rank: 50 at the
 *     median, 0 below the smallest training value, 100 above the largest)
 */
public record FeatureContribution(String feature, double value, double percentile)
    implements Serializable {

  public FeatureContribution {
    Objects.requireNonNull(feature, "feature");
  }

  /** How far from the median the value falls, 0..50. */
  public double extremeness() {
    return Math.abs(percentile - 50.0);
  }

  /** For example {@code coins_today 48000 (p99.9)}. */
  @Override
  public String toString() {
    return feature + " " + formatValue(value) + " (p" + formatPercentile(percentile) + ")";
  }

  static String formatValue(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  static String formatPercentile(double p) {
    // one decimal, never rounding up to a misleading 100.0 or down to 0.0 when not at the extreme
    double tenths = p >= 50 ? Math.floor(p * 10) / 10 : Math.ceil(p * 10) / 10;
    String s = String.format(Locale.ROOT, "%.1f", tenths);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
