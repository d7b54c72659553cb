package io.giftpay.privacy;

import io.giftpay.ledger.ValueFormats;
import io.giftpay.payout.AdultAge;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a published table may say about a birth date: an age band on a given day. Ages count
 * birthdays as the payout policy does ({@link AdultAge#birthday}: born 29 February, a year older on
 * 1 March in common years).
 */
public final class AgeBand {
  public static final String UNKNOWN = "unknown";
  public static final String INVALID = "invalid";

  private AgeBand() {}

  /**
   * The band on {@code onDate}; {@link #UNKNOWN} without a birth date, {@link #INVALID} for one
   * after it.
   */
  public static String of(LocalDate birth, LocalDate onDate) {
    Objects.requireNonNull(onDate, "onDate");
    if (birth == null) {
      return UNKNOWN;
    }
    if (birth.isAfter(onDate)) {
      return INVALID;
    }
    int years = onDate.getYear() - birth.getYear();
    if (onDate.isBefore(AdultAge.birthday(birth, years))) {
      years--;
    }
    return band(years);
  }

  /**
   * The band of a birth date as the ledger's text ({@code YYYY-MM-DD}); {@link #UNKNOWN} for none
   * (null or blank), {@link #INVALID} for text that is not a real date in that format.
   */
  public static String ofText(String birth, LocalDate onDate) {
    if (birth == null || birth.isBlank()) {
      return UNKNOWN;
    }
    if (!ValueFormats.matches(io.giftpay.ledger.ColumnType.DATE, birth)) {
      return INVALID;
    }
    try {
      return of(LocalDate.parse(birth), onDate);
    } catch (DateTimeException e) {
      return INVALID;
    }
  }

  private static String band(int years) {
    if (years < 13) {
      return "under-13";
    } else if (years < 16) {
      return "13-15";
    } else if (years < 18) {
      return "16-17";
    } else if (years < 25) {
      return "18-24";
    } else if (years < 35) {
      return "25-34";
    } else if (years < 45) {
      return "35-44";
    } else if (years < 55) {
      return "45-54";
    } else if (years < 65) {
      return "55-64";
    }
    return "65+";
  }
}
