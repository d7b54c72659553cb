package io.giftpay.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyMinorUnitsTest {
  @ParameterizedTest(name = "{0} has {1}")
  @CsvSource({"JPY, 0", "KRW, 0", "KWD, 3", "BHD, 3", "IDR, 2", "EUR, 2", "USD, 2"})
  void isoMinorUnits(String code, int digits) {
    assertEquals(OptionalInt.of(digits), CurrencyMinorUnits.of(code));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"XXQ", "usd", "EURO", "", "XAU", "XXX"})
  void unknownCodesAndPseudoCurrenciesHaveNone(String code) {
    assertEquals(OptionalInt.empty(), CurrencyMinorUnits.of(code));
  }

  @org.junit.jupiter.api.Test
  void nullHasNone() {
    assertEquals(OptionalInt.empty(), CurrencyMinorUnits.of(null));
  }
}
