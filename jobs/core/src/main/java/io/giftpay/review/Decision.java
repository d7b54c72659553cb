package io.giftpay.review;

import java.util.Locale;

/**
 * What a reviewer decides on a case (policy point 8). {@code CLEARED}: the held diamonds are
 * released and the same rules leave the account alone for a while; {@code CONFIRMED}: the held
 * diamonds are forfeited and whatever the account sends or receives from then on is held; {@code
 * LIMIT} (care cases only): a daily spending limit the app enforces, and the held diamonds, if any,
 * are released.
 */
public enum Decision {
  CLEARED,
  CONFIRMED,
  LIMIT;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Releases the case's held diamonds (cleared, limit) rather than forfeiting them (confirmed). */
  public boolean releases() {
    return this != CONFIRMED;
  }

  /**
   * @throws DecisionRefused naming the word and the allowed ones
   */
  public static Decision parse(String word) {
    if (word != null) {
      for (Decision d : values()) {
        if (d.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
          return d;
        }
      }
    }
    throw new DecisionRefused(
        "Invalid --decision: '" + word + "' (expected cleared, confirmed or limit)");
  }
}
