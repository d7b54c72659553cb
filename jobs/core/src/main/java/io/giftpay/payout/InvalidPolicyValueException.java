package io.giftpay.payout;

/** A policy value out of range; carries the key so file loading can name it. */
class InvalidPolicyValueException extends IllegalArgumentException {
  private final String key;

  InvalidPolicyValueException(String key, Object value, String why) {
    super(String.format("Invalid %s: %s (%s)", key, value, why));
    this.key = key;
  }

  String key() {
    return key;
  }
}
