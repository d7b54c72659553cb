package io.giftpay.review;

/** A review decision that is refused: nothing is written. The message is one plain line. */
public final class DecisionRefused extends IllegalArgumentException {
  public DecisionRefused(String message) {
    super(message);
  }
}
