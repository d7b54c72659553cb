package io.giftpay.payout;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The outcome for one creator on one business date. When not {@link BalanceStatus#PAID}: {@code
 * paidDiamonds} is 0, the amounts, rate and payout id are null and {@code capped} is false; {@code
 * currency} and {@code payoutMethod} echo the request either way.
 */
public record PayoutDecision(
    String creatorId,
    BalanceStatus status,
    long paidDiamonds,
    BigDecimal amountUsd,
    String currency,
    BigDecimal amountLocal,
    BigDecimal fxRate,
    String payoutMethod,
    String payoutId,
    boolean capped)
    implements Serializable {

  public PayoutDecision {
    Objects.requireNonNull(creatorId, "creatorId");
    Objects.requireNonNull(status, "status");
  }

  static PayoutDecision notPaid(PayoutRequest request, BalanceStatus status) {
    return new PayoutDecision(
        request.creatorId(),
        status,
        0L,
        null,
        request.payoutCurrency(),
        null,
        null,
        request.payoutMethod(),
        null,
        false);
  }

  public boolean paid() {
    return status == BalanceStatus.PAID;
  }
}
