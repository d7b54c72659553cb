package io.giftpay.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueFormatsTest {
  @Test
  void timestampsNeedAZoneAndSeconds() {
    for (String ok :
        new String[] {
          "2026-11-01T10:00:00Z",
          "2026-11-01T10:00:00.123Z",
          "2026-11-01T10:00:00+02:00",
          "2026-11-01T10:00:00-0500",
          "2026-11-01T10:00:00+02",
          "2026-11-01 10:00:00+00:00"
        }) {
      assertTrue(ValueFormats.matches(ColumnType.TIMESTAMP, ok), ok);
    }
    for (String bad :
        new String[] {
          "2026-11-01T10:00:00", "2026-11-01", "yesterday", "2026-11-01T10:00Z", "1730455200"
        }) {
      assertFalse(ValueFormats.matches(ColumnType.TIMESTAMP, bad), bad);
    }
  }

  @Test
  void numbersAndDecimalsAreStrict() {
    Map<String, Boolean> longs =
        Map.of("65", true, "-5", true, "+7", true, "12.5", false, "1e3", false, " 5", false);
    longs.forEach(
        (text, ok) -> assertEquals(ok, ValueFormats.matches(ColumnType.LONG, text), text));
    Map<String, Boolean> money =
        Map.of("0.99", true, "100", true, "4.9", true, "0.999", false, "1,00", false, ".5", false);
    money.forEach(
        (text, ok) -> assertEquals(ok, ValueFormats.matches(ColumnType.DECIMAL_18_2, text), text));
    assertTrue(ValueFormats.matches(ColumnType.DECIMAL_18_8, "151.30000000"));
    assertFalse(ValueFormats.matches(ColumnType.DECIMAL_18_8, "151.300000001"));
  }

  @Test
  void booleansInAnyCaseOnly() {
    assertTrue(ValueFormats.matches(ColumnType.BOOLEAN, "TRUE"));
    assertTrue(ValueFormats.matches(ColumnType.BOOLEAN, "False"));
    assertFalse(ValueFormats.matches(ColumnType.BOOLEAN, "yes"));
    assertFalse(ValueFormats.matches(ColumnType.BOOLEAN, "1"));
  }

  @Test
  void contractTablesKeepTheirCheckOrderAndKeys() {
    assertEquals(RejectReason.MISSING_FIELD, RejectReason.values()[0]);
    assertEquals(
        RejectReason.NOT_A_CREATOR, RejectReason.values()[RejectReason.values().length - 1]);
    assertEquals("user_id", LedgerTable.ACCOUNTS.keyColumn());
    assertEquals(4, LedgerTable.eventTables().size());
    assertTrue(
        LedgerTable.RECHARGES.columns().stream()
            .anyMatch(c -> c.name().equals("package_id") && c.nullable()));
  }
}
