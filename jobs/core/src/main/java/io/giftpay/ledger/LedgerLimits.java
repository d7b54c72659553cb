package io.giftpay.ledger;

/** Numeric limits the contract places on ledger values. */
public final class LedgerLimits {
  public static final int MIN_QUANTITY = 1;
  public static final int MAX_QUANTITY = 10_000;

  private LedgerLimits() {}
}
