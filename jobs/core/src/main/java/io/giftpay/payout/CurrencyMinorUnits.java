package io.giftpay.payout;

import java.util.Currency;
import java.util.OptionalInt;

/** ISO 4217 minor units (decimal places) of a currency, from the JDK's ISO 4217 data. */
public final class CurrencyMinorUnits {
  private CurrencyMinorUnits() {}

  /**
   * Minor units of {@code isoCode} (e.g. JPY 0, EUR 2, KWD 3); empty for null, unknown codes and
   * pseudo-currencies such as XAU, which have no minor unit to round to.
   */
  public static OptionalInt of(String isoCode) {
    if (isoCode == null) {
      return OptionalInt.empty();
    }
    int digits;
    try {
      digits = Currency.getInstance(isoCode).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    return digits < 0 ? OptionalInt.empty() : OptionalInt.of(digits);
  }
}
