package io.giftpay.catalogue;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/** One catalogue entry (contract section 4): a gift and its price in coins. */
public record Gift(String giftId, String name, long coins) implements Serializable {
  static final Pattern GIFT_ID = Pattern.compile("[a-z0-9_]+");

  public Gift {
    Objects.requireNonNull(giftId, "giftId");
    if (!GIFT_ID.matcher(giftId).matches()) {
      throw new IllegalArgumentException(
          "Invalid gift_id: '" + giftId + "' (must match [a-z0-9_]+)");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Invalid name: '" + name + "' (required)");
    }
    if (coins <= 0) {
      throw new IllegalArgumentException("Invalid coins: " + coins + " (must be positive)");
    }
  }
}
