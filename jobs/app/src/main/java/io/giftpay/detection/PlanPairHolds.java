package io.giftpay.detection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which diamonds to hold because of who sent them (policy points 8 and 9). For every sender to
 * hold (a hold rule matched it, or one of its recharges was reversed tonight), every creator's
 * diamonds from that sender's gifts over the window (tonight and the hold window before it)
 * that are not already held. Output: creator_id, sender_id, diamonds, source.
 *
 * <p>Input: the window's gifts as (sender_id, creator_id, coins).
 */
public final class PlanPairHolds implements Transform {
  private final Dataset<Row> sendersToHold;
  private final Dataset<Row> alreadyHeld;
  private final long diamondsPerCoin;

  /**
   * @param sendersToHold sender_id, source (one row per sender)
   * @param alreadyHeld earlier holds in the window: sender_id, creator_id, diamonds
   */
  public PlanPairHolds(Dataset<Row> sendersToHold, Dataset<Row> alreadyHeld, long diamondsPerCoin) {
    this.sendersToHold = sendersToHold;
    this.alreadyHeld = alreadyHeld;
    this.diamondsPerCoin = diamondsPerCoin;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> windowGifts) {
    Dataset<Row> owed = windowGifts.join(sendersToHold, "sender_id")
        .groupBy("sender_id", "creator_id", "source")
        .agg(sum(col("coins").multiply(lit(diamondsPerCoin))).as("window_diamonds"));
    Dataset<Row> held = alreadyHeld.groupBy("sender_id", "creator_id").agg(sum("diamonds").as("held_before"));
    return owed.join(held, new String[] {"sender_id", "creator_id"}, "left")
        .select(
            col("creator_id"),
            col("sender_id"),
            col("window_diamonds").minus(coalesce(col("held_before"), lit(0L))).as("diamonds"),
            col("source"))
        .filter(col("diamonds").gt(0));
  }
}
