package io.giftpay.sample;

/** Quarantine reason codes, in the contract's check order (section 2). */
public enum ReasonCode {
  MISSING_FIELD,
  BAD_VALUE,
  FUTURE_EVENT,
  UNKNOWN_GIFT,
  QUANTITY_OUT_OF_RANGE,
  COINS_MISMATCH,
  NON_POSITIVE_AMOUNT,
  UNKNOWN_ACCOUNT,
  NOT_A_CREATOR
}
