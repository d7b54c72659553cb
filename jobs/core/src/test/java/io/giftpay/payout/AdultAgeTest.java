package io.giftpay.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AdultAgeTest {
  @Test
  void ordinaryBirthday() {
    assertEquals(LocalDate.of(2025, 6, 15), AdultAge.eighteenthBirthday(LocalDate.of(2007, 6, 15)));
  }

  @Test
  void leapDayBirthInACommonYearIsFirstOfMarch() {
    // 2008-02-29 + 18 years = 2026, not a leap year; plusYears would say 28 February
    assertEquals(LocalDate.of(2026, 3, 1), AdultAge.eighteenthBirthday(LocalDate.of(2008, 2, 29)));
  }

  @Test
  void everyLeapDayBirthTurnsEighteenOnFirstOfMarch() {
    // A leap year plus 18 is never a leap year (18 is 2 mod 4), so a 29 February 18th
    // birthday cannot occur; check every leap day from 1904 to 2096, 2000 included.
    int checked = 0;
    for (int year = 1904; year <= 2096; year += 4) {
      LocalDate born = LocalDate.of(year, 2, 29);
      assertEquals(
          LocalDate.of(year + 18, 3, 1), AdultAge.eighteenthBirthday(born), born.toString());
      checked++;
    }
    assertEquals(49, checked);
  }

  @Test
  void twentyEighthOfFebruaryStaysTwentyEighth() {
    assertEquals(LocalDate.of(2000, 2, 28), AdultAge.eighteenthBirthday(LocalDate.of(1982, 2, 28)));
    assertEquals(LocalDate.of(2026, 2, 28), AdultAge.eighteenthBirthday(LocalDate.of(2008, 2, 28)));
  }

  @Test
  void birthdayItselfCountsAndTheDayBeforeDoesNot() {
    LocalDate born = LocalDate.of(2007, 6, 15);
    assertTrue(AdultAge.isAdultOn(born, LocalDate.of(2025, 6, 15)));
    assertFalse(AdultAge.isAdultOn(born, LocalDate.of(2025, 6, 14)));
    assertTrue(AdultAge.isAdultOn(born, LocalDate.of(2040, 1, 1)));
  }

  @Test
  void leapDayBirthIsAdultFromFirstOfMarch() {
    LocalDate born = LocalDate.of(2008, 2, 29);
    assertFalse(AdultAge.isAdultOn(born, LocalDate.of(2026, 2, 28)));
    assertTrue(AdultAge.isAdultOn(born, LocalDate.of(2026, 3, 1)));
  }

  @Test
  void anyBirthdayFollowsTheSameLeapDayRule() {
    assertEquals(LocalDate.of(2025, 3, 1), AdultAge.birthday(LocalDate.of(2008, 2, 29), 17));
    assertEquals(LocalDate.of(2028, 2, 29), AdultAge.birthday(LocalDate.of(2008, 2, 29), 20));
    assertEquals(LocalDate.of(2040, 6, 15), AdultAge.birthday(LocalDate.of(2007, 6, 15), 33));
  }
}
