package io.giftpay.payout;

/**
 * Why a creator was or was not paid on a business date; written to the creator's balance row. The
 * calculator checks the reasons in declaration order and reports the first that fails, so one
 * creator gets exactly one status.
 */
public enum BalanceStatus {
  /** Every check passed and a payout was made. */
  PAID,
  /** Fraud review holds the creator; nothing is paid until a reviewer decides. */
  ON_HOLD,
  /** {@code kyc_verified} is not true: no identity and tax form on file. */
  KYC_MISSING,
  /** {@code birth_date} is null, so age 18 cannot be shown. */
  AGE_UNKNOWN,
  /** The creator is not yet 18 on the business date. */
  UNDERAGE,
  /** {@code payout_currency} or {@code payout_method} is missing or blank. */
  PAYOUT_DETAILS_MISSING,
  /** No usable FX rate for the payout currency on the business date, or not an ISO 4217 code. */
  NO_FX_RATE,
  /** Available diamonds are below zero (a reversal of already-paid money being recovered). */
  NEGATIVE_BALANCE,
  /** Available value (zero included) is below {@code minimum_payout_usd}. */
  BELOW_MINIMUM
}
