package io.giftpay.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that turns identifiers (payment fingerprints, device ids) into keyed hashes:
 * HMAC-SHA256 (RFC 2104). Unlike a plain SHA-256, nobody without the key can hash a known card
 * fingerprint and look for it in a published table. The warehouse's key is {@link #SECRET_BYTES}
 * random bytes.
 *
 * <p>The padded keys ({@code key XOR ipad}, {@code key XOR opad}, 64 bytes each) are exposed so
 * that code without a MAC primitive (Spark SQL's built-in functions) can compute the same HMAC as
 * {@code SHA256(opadKey || SHA256(ipadKey || message))}.
 */
public final class IdentifierKey {
  /** Size of the warehouse's secret. */
  public static final int SECRET_BYTES = 32;

  /** SHA-256's block size: the length of the padded keys. */
  static final int BLOCK_BYTES = 64;

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret;

  /**
   * @param secret 1 to 64 bytes (HMAC hashes longer keys first; Giftpay never needs that); the
   *     warehouse's is {@link #SECRET_BYTES}
   */
  public IdentifierKey(byte[] secret) {
    if (secret == null || secret.length == 0 || secret.length > BLOCK_BYTES) {
      throw new IllegalArgumentException(
          "Invalid identifier key: "
              + (secret == null ? "null" : secret.length + " bytes")
              + " (must be 1 to 64 bytes)");
    }
    this.secret = secret.clone();
  }

  /** HMAC-SHA256 of the value's UTF-8 bytes, as 64 lowercase hex digits; null for null. */
  public String hmacSha256Hex(String value) {
    if (value == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("The JDK has no usable " + ALGORITHM, e);
    }
  }

  /** {@code prefix} and the first 16 hex digits of the value's HMAC: a card or device key. */
  public String shortKey(String prefix, String value) {
    return value == null ? null : prefix + hmacSha256Hex(value).substring(0, 16);
  }

  /** The key zero-padded to 64 bytes, XOR 0x36 each byte, as 128 hex digits. */
  public String innerPadHex() {
    return HexFormat.of().formatHex(padded((byte) 0x36));
  }

  /** The key zero-padded to 64 bytes, XOR 0x5c each byte, as 128 hex digits. */
  public String outerPadHex() {
    return HexFormat.of().formatHex(padded((byte) 0x5c));
  }

  private byte[] padded(byte pad) {
    byte[] block = Arrays.copyOf(secret, BLOCK_BYTES);
    for (int i = 0; i < block.length; i++) {
      block[i] ^= pad;
    }
    return block;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdentifierKey key && MessageDigest.isEqual(secret, key.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }

  /** Never the secret: keys end up in log lines and assertion messages. */
  @Override
  public String toString() {
    return "IdentifierKey[" + secret.length + " bytes]";
  }
}
