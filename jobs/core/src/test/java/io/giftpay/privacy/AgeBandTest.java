package io.giftpay.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandTest {
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 1);

  @Test
  void eachBandStartsOnItsBirthday() {
    String[][] cases = {
      {"12", "under-13"},
      {"13", "13-15"},
      {"15", "13-15"},
      {"16", "16-17"},
      {"17", "16-17"},
      {"18", "18-24"},
      {"24", "18-24"},
      {"25", "25-34"},
      {"34", "25-34"},
      {"35", "35-44"},
      {"44", "35-44"},
      {"45", "45-54"},
      {"54", "45-54"},
      {"55", "55-64"},
      {"64", "55-64"},
      {"65", "65+"},
      {"101", "65+"}
    };
    for (String[] c : cases) {
      int years = Integer.parseInt(c[0]);
      LocalDate birthday = NIGHT.minusYears(years);
      assertEquals(c[1], AgeBand.of(birthday, NIGHT), years + " today");
      // the day before turning `years`, one band lower at each lower bound
      String dayBefore = AgeBand.of(birthday.plusDays(1), NIGHT);
      assertEquals(
          AgeBand.of(NIGHT.minusYears(years - 1), NIGHT),
          dayBefore,
          "the day before turning " + years);
    }
    assertEquals("under-13", AgeBand.of(NIGHT, NIGHT), "born today");
  }

  @Test
  void leapDayBirthTurnsOlderOnFirstOfMarchLikeThePayoutPolicy() {
    LocalDate born = LocalDate.of(2008, 2, 29);
    assertEquals("16-17", AgeBand.of(born, LocalDate.of(2026, 2, 28)));
    assertEquals("18-24", AgeBand.of(born, LocalDate.of(2026, 3, 1)));
    assertEquals("13-15", AgeBand.of(LocalDate.of(2012, 2, 29), LocalDate.of(2028, 2, 28)));
    assertEquals(
        "16-17",
        AgeBand.of(LocalDate.of(2012, 2, 29), LocalDate.of(2028, 2, 29)),
        "a leap year has its own 29 February");
  }

  @Test
  void unknownAndInvalid() {
    assertEquals("unknown", AgeBand.of(null, NIGHT));
    assertEquals("invalid", AgeBand.of(NIGHT.plusDays(1), NIGHT), "born after the night");
    assertEquals("unknown", AgeBand.ofText(null, NIGHT));
    assertEquals("unknown", AgeBand.ofText("  ", NIGHT));
    assertEquals("invalid", AgeBand.ofText("1990-13-01", NIGHT));
    assertEquals("invalid", AgeBand.ofText("2023-02-29", NIGHT), "no 29 February in 2023");
    assertEquals("invalid", AgeBand.ofText("01/02/1990", NIGHT));
    assertEquals(
        "invalid", AgeBand.ofText(" 1990-01-02", NIGHT), "the contract's format has no spaces");
    assertEquals("35-44", AgeBand.ofText("1990-01-02", NIGHT));
  }
}
