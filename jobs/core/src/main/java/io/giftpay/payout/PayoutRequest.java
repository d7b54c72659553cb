package io.giftpay.payout;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One creator's state on business date D, as the calculator needs it. Account fields are nullable
 * exactly as the accounts snapshot allows; {@code unitsPerUsd} is the payout currency's rate in the
 * fx snapshot for D, or null when the snapshot has none (USD with null means 1).
 */
public record PayoutRequest(
    String creatorId,
    LocalDate businessDate,
    long availableDiamonds,
    boolean onHold,
    Boolean kycVerified,
    LocalDate birthDate,
    String payoutCurrency,
    String payoutMethod,
    BigDecimal unitsPerUsd)
    implements Serializable {

  /** fx_rates.units_per_usd is decimal(18,8). */
  static final int RATE_SCALE = 8;

  public PayoutRequest {
    if (creatorId == null || creatorId.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid creator_id: " + quoted(creatorId) + " (required)");
    }
    if (businessDate == null) {
      throw new IllegalArgumentException("Invalid business_date: null (required)");
    }
    // more decimals than the column holds means the rate did not come from fx_rates
    if (unitsPerUsd != null && unitsPerUsd.stripTrailingZeros().scale() > RATE_SCALE) {
      throw new IllegalArgumentException(
          "Invalid units_per_usd: " + unitsPerUsd.toPlainString() + " (more than 8 decimals)");
    }
  }

  private static String quoted(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
