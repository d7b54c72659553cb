package io.giftpay.spark;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREATOR_ID;
import static io.giftpay.spark.BalanceColumns.CREDITED;
import static io.giftpay.spark.BalanceColumns.CREDITED_TODAY;
import static io.giftpay.spark.BalanceColumns.FORFEITED;
import static io.giftpay.spark.BalanceColumns.GIFTS_TODAY;
import static io.giftpay.spark.BalanceColumns.HELD;
import static io.giftpay.spark.BalanceColumns.PAID;
import static io.giftpay.spark.BalanceColumns.PENDING;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Adds tonight's credits to the balances carried from the previous night (policy point 3).
 * Tonight's credits are pending until they clear ({@link MatureCredits} makes them available, at
 * once under policy v1). Input: the previous night's balances ({@link BalanceColumns#CARRIED});
 * output: one row per creator with a balance or a credit tonight, before anything is paid.
 */
public final class CarryBalances implements Transform {
  private final Dataset<Row> credits;

  /**
   * @param credits the output of {@link CreditCreators}
   */
  public CarryBalances(Dataset<Row> credits) {
    this.credits = credits;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> previous) {
    Dataset<Row> before =
        previous.select(
            BalanceColumns.CARRIED[0],
            java.util.Arrays.copyOfRange(BalanceColumns.CARRIED, 1, BalanceColumns.CARRIED.length));
    Dataset<Row> joined =
        before
            .alias("b")
            .join(
                credits.alias("c"),
                col("b." + CREATOR_ID).equalTo(col("c." + CREATOR_ID)),
                "full_outer");
    Column today = coalesce(col("c." + CREDITED_TODAY), lit(0L));
    return joined.select(
        coalesce(col("b." + CREATOR_ID), col("c." + CREATOR_ID)).as(CREATOR_ID),
        today.as(CREDITED_TODAY),
        coalesce(col("c." + GIFTS_TODAY), lit(0L)).as(GIFTS_TODAY),
        coalesce(col("b." + CREDITED), lit(0L)).plus(today).as(CREDITED),
        coalesce(col("b." + PENDING), lit(0L)).plus(today).as(PENDING),
        coalesce(col("b." + AVAILABLE), lit(0L)).as(AVAILABLE),
        coalesce(col("b." + HELD), lit(0L)).as(HELD),
        coalesce(col("b." + PAID), lit(0L)).as(PAID),
        coalesce(col("b." + FORFEITED), lit(0L)).as(FORFEITED));
  }
}
