package io.giftpay.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PayoutIdsTest {
  private static final LocalDate D = LocalDate.of(2025, 6, 15);

  @Test
  void sameInputsSameId() {
    assertEquals(
        PayoutIds.of("creator-42", D), PayoutIds.of("creator-42", LocalDate.parse("2025-06-15")));
  }

  @Test
  void idIsTheDocumentedHash() throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256")
            .digest("giftpay.payout.v1|creator-42|2025-06-15".getBytes(StandardCharsets.UTF_8));
    String expected = "po-" + HexFormat.of().formatHex(hash).substring(0, 32);
    assertEquals(expected, PayoutIds.of("creator-42", D));
    assertTrue(expected.matches("po-[0-9a-f]{32}"));
  }

  @Test
  void differentCreatorOrDateDifferentId() {
    String id = PayoutIds.of("creator-42", D);
    assertNotEquals(id, PayoutIds.of("creator-43", D));
    assertNotEquals(id, PayoutIds.of("creator-42", D.plusDays(1)));
    // the separator cannot be used to shift the date into the creator id
    assertNotEquals(PayoutIds.of("a|2025-06-15", D), PayoutIds.of("a", D));
  }

  @Test
  void refusesMissingInputs() {
    assertThrows(IllegalArgumentException.class, () -> PayoutIds.of("", D));
    assertThrows(IllegalArgumentException.class, () -> PayoutIds.of(null, D));
    assertThrows(NullPointerException.class, () -> PayoutIds.of("c1", null));
  }
}
