package io.giftpay.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * FX rates (units per USD, 8 decimals) with a small random walk from one snapshot to the next. From
 * the drop day on, {@link #DROPPED} is missing from the snapshots (USD is never listed: it is 1).
 */
final class FxRates {
  static final String[] CURRENCIES = {
    "EUR", "GBP", "BRL", "IDR", "JPY", "KRW", "KWD", "BHD", "MXN", "TRY", "PHP"
  };
  static final double[] BASE = {
    0.92, 0.79, 5.05, 15800.0, 151.3, 1370.0, 0.307, 0.376, 17.1, 32.4, 56.2
  };

  /** ISO 4217 minor units. */
  static final int[] MINOR = {2, 2, 2, 2, 0, 0, 3, 3, 2, 2, 2};

  static final String DROPPED = "TRY";

  private final Schedule schedule;
  private final double[][] bySnapshotDay;

  FxRates(long seed, Schedule schedule) {
    this.schedule = schedule;
    this.bySnapshotDay = new double[schedule.days][];
    double[] current = BASE.clone();
    for (int d = 0; d < schedule.days; d++) {
      if (!schedule.fxSnapshot(d)) {
        continue;
      }
      if (d > 0) {
        SplittableRandom r = new SplittableRandom(Mix.key(seed, 0xF0F0L, d));
        for (int c = 0; c < current.length; c++) {
          current[c] = current[c] * (1.0 + 0.004 * (r.nextDouble() * 2 - 1));
        }
      }
      bySnapshotDay[d] = current.clone();
    }
  }

  /** The fx_rates rows of the snapshot landing on day d: currency, units_per_usd. */
  List<Object[]> snapshot(int d) {
    List<Object[]> rows = new ArrayList<>();
    for (int c = 0; c < CURRENCIES.length; c++) {
      if (CURRENCIES[c].equals(DROPPED) && d >= schedule.fxDropDay) {
        continue;
      }
      BigDecimal rate = BigDecimal.valueOf(bySnapshotDay[d][c]).setScale(8, RoundingMode.HALF_EVEN);
      rows.add(new Object[] {CURRENCIES[c], rate});
    }
    return rows;
  }

  /**
   * Price of {@code usd} in a local currency at the base rate, in the currency's minor units (at
   * most 2).
   */
  static BigDecimal localPrice(BigDecimal usd, String currency) {
    for (int c = 0; c < CURRENCIES.length; c++) {
      if (CURRENCIES[c].equals(currency)) {
        BigDecimal local = usd.multiply(BigDecimal.valueOf(BASE[c]));
        return local
            .setScale(Math.min(2, MINOR[c]), RoundingMode.HALF_UP)
            .setScale(2, RoundingMode.UNNECESSARY);
      }
    }
    throw new IllegalArgumentException(currency);
  }
}
