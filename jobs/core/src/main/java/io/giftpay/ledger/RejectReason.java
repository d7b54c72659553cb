package io.giftpay.ledger;

/**
 * Why a ledger row went to quarantine (contract, section 2). The declaration order is the order of
 * the checks: a row is counted once, under the first check it fails.
 */
public enum RejectReason {
  /** A required column is absent or empty. */
  MISSING_FIELD,
  /** A value does not parse as its column's type (or breaks its format, e.g. no time zone). */
  BAD_VALUE,
  /** {@code event_time} is at or after the end of business date D, UTC. */
  FUTURE_EVENT,
  /** {@code gift_id} is not in the gift catalogue. */
  UNKNOWN_GIFT,
  /** {@code quantity} is outside 1 to 10,000. */
  QUANTITY_OUT_OF_RANGE,
  /** {@code coins} is not quantity times the catalogue's coins for the gift. */
  COINS_MISMATCH,
  /** {@code coins} or {@code amount} is zero or negative. */
  NON_POSITIVE_AMOUNT,
  /** A user id that is not in the accounts snapshot as of D. */
  UNKNOWN_ACCOUNT,
  /** A gift's {@code creator_id} whose account is not a creator. */
  NOT_A_CREATOR
}
