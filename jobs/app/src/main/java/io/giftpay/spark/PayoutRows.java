package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.giftpay.payout.BalanceStatus;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The {@code payouts} table: one row per creator paid on D, from {@link DecidePayouts}. */
public final class PayoutRows implements Transform {
  private final LocalDate businessDate;
  private final int policyVersion;

  public PayoutRows(LocalDate businessDate, int policyVersion) {
    this.businessDate = businessDate;
    this.policyVersion = policyVersion;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> decided) {
    return decided
        .filter(col(BalanceColumns.STATUS).equalTo(BalanceStatus.PAID.name()))
        .select(
            col(DecidePayouts.PAYOUT_ID),
            col(BalanceColumns.CREATOR_ID),
            lit(businessDate).as("business_date"),
            col(BalanceColumns.PAID_TODAY).as("diamonds"),
            col(DecidePayouts.AMOUNT_USD),
            col(DecidePayouts.CURRENCY),
            col(DecidePayouts.AMOUNT),
            col(DecidePayouts.FX_RATE),
            col(DecidePayouts.PAYOUT_METHOD),
            col(DecidePayouts.CAPPED),
            lit(policyVersion).as("policy_version"));
  }
}
