package io.giftpay.payout;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Decides one creator's payout for one business date under a {@link PayoutPolicy} (contract section
 * 3, points 4-7 and 10). Pure and stateless apart from the policy, so the same request always gives
 * the same decision.
 */
public final class PayoutCalculator implements Serializable {
  private static final String USD = "USD";
  private static final BigDecimal USD_RATE = BigDecimal.ONE.setScale(PayoutRequest.RATE_SCALE);

  private final PayoutPolicy policy;

  public PayoutCalculator(PayoutPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public PayoutPolicy policy() {
    return policy;
  }

  public PayoutDecision decide(PayoutRequest request) {
    Objects.requireNonNull(request, "request");
    BalanceStatus failed = firstFailedCheck(request);
    if (failed != null) {
      return PayoutDecision.notPaid(request, failed);
    }

    BigDecimal value = policy.valueUsd(request.availableDiamonds());
    // only whole cents are paid; the leftover fraction stays as diamonds (point 6)
    BigDecimal wholeCents = value.setScale(2, RoundingMode.FLOOR);
    boolean capped = wholeCents.compareTo(policy.dailyCapUsd()) > 0;
    BigDecimal amountUsd = capped ? policy.dailyCapUsd() : wholeCents;
    if (amountUsd.signum() == 0) {
      // only reachable with a 0.00 minimum: a zero payout is no payout
      return PayoutDecision.notPaid(request, BalanceStatus.BELOW_MINIMUM);
    }
    // exact: the policy guarantees diamondValueUsd divides one cent
    long paidDiamonds = amountUsd.divide(policy.diamondValueUsd()).longValueExact();

    String currency = request.payoutCurrency();
    BigDecimal rate = rateFor(request);
    int minorUnits = CurrencyMinorUnits.of(currency).getAsInt();
    BigDecimal amountLocal = amountUsd.multiply(rate).setScale(minorUnits, RoundingMode.HALF_EVEN);

    return new PayoutDecision(
        request.creatorId(),
        BalanceStatus.PAID,
        paidDiamonds,
        amountUsd,
        currency,
        amountLocal,
        rate.setScale(PayoutRequest.RATE_SCALE),
        request.payoutMethod(),
        PayoutIds.of(request.creatorId(), request.businessDate()),
        capped);
  }

  /** The first failing check in {@link BalanceStatus} declaration order, or null if all pass. */
  private BalanceStatus firstFailedCheck(PayoutRequest request) {
    if (request.onHold()) {
      return BalanceStatus.ON_HOLD;
    }
    if (!Boolean.TRUE.equals(request.kycVerified())) {
      return BalanceStatus.KYC_MISSING;
    }
    if (request.birthDate() == null) {
      return BalanceStatus.AGE_UNKNOWN;
    }
    if (!AdultAge.isAdultOn(request.birthDate(), request.businessDate())) {
      return BalanceStatus.UNDERAGE;
    }
    if (isBlank(request.payoutCurrency()) || isBlank(request.payoutMethod())) {
      return BalanceStatus.PAYOUT_DETAILS_MISSING;
    }
    if (rateFor(request) == null || CurrencyMinorUnits.of(request.payoutCurrency()).isEmpty()) {
      return BalanceStatus.NO_FX_RATE;
    }
    if (request.availableDiamonds() < 0) {
      return BalanceStatus.NEGATIVE_BALANCE;
    }
    if (policy.valueUsd(request.availableDiamonds()).compareTo(policy.minimumPayoutUsd()) < 0
        || request.availableDiamonds() == 0) {
      return BalanceStatus.BELOW_MINIMUM;
    }
    return null;
  }

  /** The usable rate, or null: USD needs no row, and a non-positive rate is no rate at all. */
  private static BigDecimal rateFor(PayoutRequest request) {
    BigDecimal rate = request.unitsPerUsd();
    if (rate == null) {
      return USD.equals(request.payoutCurrency()) ? USD_RATE : null;
    }
    return rate.signum() > 0 ? rate : null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
