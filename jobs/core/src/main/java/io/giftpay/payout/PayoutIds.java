package io.giftpay.payout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Payout ids derived from creator and business date only (contract point 10), so running D again
 * produces the same id and a downstream payer can refuse the second payment.
 */
public final class PayoutIds {
  // bump the namespace if the derivation ever changes, so old and new ids cannot collide
  private static final String NAMESPACE = "giftpay.payout.v1|";
  private static final int HEX_CHARS = 32;

  private PayoutIds() {}

  /** {@code "po-"} + the first 32 hex chars of SHA-256("giftpay.payout.v1|creator|yyyy-mm-dd"). */
  public static String of(String creatorId, LocalDate businessDate) {
    if (creatorId == null || creatorId.isBlank()) {
      throw new IllegalArgumentException("Invalid creator_id: " + creatorId + " (required)");
    }
    Objects.requireNonNull(businessDate, "businessDate");
    // the date is fixed-width and last, so "a|b" + date cannot collide with "a" + another date
    String key = NAMESPACE + creatorId + "|" + businessDate;
    byte[] hash = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
    return "po-" + HexFormat.of().formatHex(hash).substring(0, HEX_CHARS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
