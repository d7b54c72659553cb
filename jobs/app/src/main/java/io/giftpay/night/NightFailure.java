package io.giftpay.night;

/**
 * A night cannot go on, for a reason an operator can act on (a missing partition, a broken rule
 * file, books that do not balance). Its message is the one plain line the CLI prints.
 */
public final class NightFailure extends RuntimeException {
  public NightFailure(String message) {
    super(message);
  }

  public NightFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
