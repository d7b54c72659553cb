package io.giftpay.detect;

import java.util.List;
import java.util.Set;

/**
 * The columns of {@code sender_features} the anomaly model reads, and how each raw value is scaled
 * first: counts and coins through {@code log(1 + x)}, so that a whale and a minnow differ by a few
 * units rather than by orders of magnitude; shares as they are. Missing values are 0.
 */
public final class SenderModelFeatures {
  public static final List<String> NAMES =
      List.of(
          "coins_today",
          "gifts_today",
          "creators_today",
          "top_creator_share",
          "night_share",
          "foreign_ip_share",
          "recharges_today",
          "recharge_coins_today",
          "max_recharges_10min",
          "small_recharges_today",
          "cards_today",
          "devices_today",
          "new_cards_today",
          "new_devices_today",
          "max_accounts_per_card",
          "max_accounts_per_device",
          "chargebacks_30d",
          "reward_coins_today",
          "new_creator_max_coins",
          "account_age_days");

  private static final Set<String> SHARES =
      Set.of("top_creator_share", "night_share", "foreign_ip_share");

  private SenderModelFeatures() {}

  /** The model's input for one account, from raw values in {@link #NAMES} order (nulls allowed). */
  public static double[] vector(Double[] raw) {
    if (raw.length != NAMES.size()) {
      throw new IllegalArgumentException(
          "Invalid feature count: " + raw.length + " (expected " + NAMES.size() + ")");
    }
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      double value = raw[i] == null || raw[i].isNaN() ? 0.0 : raw[i];
      out[i] = SHARES.contains(NAMES.get(i)) ? value : Math.log1p(Math.max(0.0, value));
    }
    return out;
  }
}
