package io.giftpay.payout;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Objects;

/** Age 18 as the payout policy counts it (contract section 3, point 4). */
public final class AdultAge {
  /** The age, in whole years, from which a person is an adult: the one place Giftpay writes 18. */
  public static final int ADULT_YEARS = 18;

  private AdultAge() {}

  /**
   * The day the person turns 18. Born 29 February → 1 March when that year is not a leap year: the
   * contract says so, while {@link LocalDate#plusYears} would give 28 February.
   */
  public static LocalDate eighteenthBirthday(LocalDate birthDate) {
    return birthday(birthDate, ADULT_YEARS);
  }

  /**
   * The day the person turns {@code years} old, by the same rule: born 29 February → 1 March in a
   * year that is not a leap year.
   */
  public static LocalDate birthday(LocalDate birthDate, int years) {
    Objects.requireNonNull(birthDate, "birthDate");
    int year = Math.addExact(birthDate.getYear(), years);
    if (birthDate.getMonth() == Month.FEBRUARY
        && birthDate.getDayOfMonth() == 29
        && !Year.isLeap(year)) {
      return LocalDate.of(year, Month.MARCH, 1);
    }
    return birthDate.withYear(year);
  }

  /** Whether someone born on {@code birthDate} is 18 on {@code day}; the birthday itself counts. */
  public static boolean isAdultOn(LocalDate birthDate, LocalDate day) {
    Objects.requireNonNull(day, "day");
    return !day.isBefore(eighteenthBirthday(birthDate));
  }
}
