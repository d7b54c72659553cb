package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tonight's accepted gifts to diamonds per creator (policy point 1): {@code coins ×
 * diamonds_per_coin}, in whole diamonds. Output: creator_id, credited_today_diamonds, gifts_today.
 */
public final class CreditCreators implements Transform {
  private final long diamondsPerCoin;

  public CreditCreators(long diamondsPerCoin) {
    if (diamondsPerCoin < 1) {
      throw new IllegalArgumentException("Invalid diamonds_per_coin: " + diamondsPerCoin);
    }
    this.diamondsPerCoin = diamondsPerCoin;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> acceptedGifts) {
    return acceptedGifts
        .groupBy(col("creator_id").as(BalanceColumns.CREATOR_ID))
        .agg(
            // Long arithmetic; ANSI mode makes an overflow fail the night instead of wrapping.
            sum(col("coins").multiply(lit(diamondsPerCoin))).as(BalanceColumns.CREDITED_TODAY),
            count(lit(1)).as(BalanceColumns.GIFTS_TODAY));
  }
}
