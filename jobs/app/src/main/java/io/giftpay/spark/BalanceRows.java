package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code creator_balances} table: one row per creator with any balance or activity, cumulative
 * diamonds after night D's payout, tonight's movements and the status saying why nothing (or what)
 * was paid.
 */
public final class BalanceRows implements Transform {
  private final LocalDate businessDate;
  private final BigDecimal diamondValueUsd;

  public BalanceRows(LocalDate businessDate, BigDecimal diamondValueUsd) {
    this.businessDate = businessDate;
    this.diamondValueUsd = diamondValueUsd;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> decided) {
    return decided.select(
        col(BalanceColumns.CREATOR_ID),
        lit(businessDate).as("business_date"),
        col(BalanceColumns.CREDITED),
        col(BalanceColumns.PENDING),
        col(BalanceColumns.AVAILABLE),
        col(BalanceColumns.HELD),
        col(BalanceColumns.PAID),
        col(BalanceColumns.FORFEITED),
        col(BalanceColumns.STATUS),
        col(BalanceColumns.CREDITED_TODAY),
        col(BalanceColumns.GIFTS_TODAY),
        col(BalanceColumns.PAID_TODAY),
        col(BalanceColumns.AVAILABLE)
            .cast("decimal(20,0)")
            .multiply(lit(diamondValueUsd))
            .cast("decimal(22,4)")
            .as("available_usd"));
  }
}
