package io.giftpay.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdentifierKeyTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc4231TestCase1() {
    byte[] key = new byte[20];
    Arrays.fill(key, (byte) 0x0b);
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        new IdentifierKey(key).hmacSha256Hex("Hi There"));
  }

  @Test
  void rfc4231TestCase2() {
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        new IdentifierKey("Jefe".getBytes(StandardCharsets.US_ASCII))
            .hmacSha256Hex("what do ya want for nothing?"));
  }

  @Test
  void paddedKeysGiveTheSameHmacAsTheMac() throws Exception {
    // What Spark computes with sha2/unhex/concat: SHA256(opad || SHA256(ipad || message)).
    IdentifierKey key =
        new IdentifierKey(
            HEX.parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
    for (String value : new String[] {"pf-04b4d796a474bdb0", "dv-e05fae8c7a7a18", "", "ü-ç-☃"}) {
      MessageDigest inner = MessageDigest.getInstance("SHA-256");
      inner.update(HEX.parseHex(key.innerPadHex()));
      byte[] innerHash = inner.digest(value.getBytes(StandardCharsets.UTF_8));
      MessageDigest outer = MessageDigest.getInstance("SHA-256");
      outer.update(HEX.parseHex(key.outerPadHex()));
      assertEquals(key.hmacSha256Hex(value), HEX.formatHex(outer.digest(innerHash)), value);
    }
    assertEquals(128, key.innerPadHex().length());
    assertTrue(key.innerPadHex().startsWith("3627"), "first byte 0x00 ^ 0x36, second 0x11 ^ 0x36");
    assertTrue(key.outerPadHex().endsWith("5c5c"), "zero padding XOR 0x5c");
  }

  @Test
  void differentKeysGiveDifferentHashesAndNullStaysNull() {
    IdentifierKey a = new IdentifierKey(new byte[IdentifierKey.SECRET_BYTES]);
    byte[] other = new byte[IdentifierKey.SECRET_BYTES];
    other[31] = 1;
    IdentifierKey b = new IdentifierKey(other);
    assertNotEquals(a.hmacSha256Hex("pf-04b4d796a474bdb0"), b.hmacSha256Hex("pf-04b4d796a474bdb0"));
    assertNull(a.hmacSha256Hex(null));
    assertNull(a.shortKey("card-", null));
    assertEquals("card-" + a.hmacSha256Hex("x").substring(0, 16), a.shortKey("card-", "x"));
  }

  @Test
  void theSecretIsNeverPrintedAndItsSizeIsChecked() {
    byte[] secret = new byte[IdentifierKey.SECRET_BYTES];
    Arrays.fill(secret, (byte) 0xab);
    IdentifierKey key = new IdentifierKey(secret);
    assertFalse(key.toString().contains("ab"), key.toString());
    assertEquals(new IdentifierKey(secret.clone()), key);
    IllegalArgumentException tooLong =
        assertThrows(IllegalArgumentException.class, () -> new IdentifierKey(new byte[65]));
    assertEquals("Invalid identifier key: 65 bytes (must be 1 to 64 bytes)", tooLong.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new IdentifierKey(new byte[0]));
  }
}
