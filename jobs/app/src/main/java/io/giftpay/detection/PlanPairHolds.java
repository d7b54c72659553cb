package io.giftpay.detection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Which diamonds to hold because of who sent them (policy points 8 and 9). For every sender to hold
 * (a hold rule matched it, or one of its recharges was reversed tonight), every creator's diamonds
 * from that sender's gifts over the window (tonight and the hold window before it) that are not
 * already held. Output: creator_id, sender_id, clears_on, diamonds, source.
 *
 * <p>Under policy v2 a hold reaches pending diamonds too (point 11), so each hold is split by the
 * clearing lot its diamonds are in: {@code clears_on} is the night they clear, or null for diamonds
 * that have cleared already. Earlier holds covered a pair's oldest diamonds (they were all there
 * was then), so what is already held is taken from the oldest pieces first.
 *
 * <p>Input: the window's gifts as (sender_id, creator_id, coins, clears_on).
 */
public final class PlanPairHolds implements Transform {
  public static final String CLEARS_ON = "clears_on";

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
    Dataset<Row> owed =
        windowGifts
            .join(sendersToHold, "sender_id")
            .groupBy("sender_id", "creator_id", "source", CLEARS_ON)
            .agg(sum(col("coins").multiply(lit(diamondsPerCoin))).as("piece"));
    Dataset<Row> held =
        alreadyHeld.groupBy("sender_id", "creator_id").agg(sum("diamonds").as("held_before"));
    WindowSpec oldestFirst =
        Window.partitionBy("sender_id", "creator_id")
            .orderBy(col(CLEARS_ON).asc_nulls_first())
            .rowsBetween(Window.unboundedPreceding(), -1);
    Column coveredBefore = coalesce(sum("piece").over(oldestFirst), lit(0L));
    Column covered =
        least(
            col("piece"),
            greatest(coalesce(col("held_before"), lit(0L)).minus(coveredBefore), lit(0L)));
    return owed.join(held, new String[] {"sender_id", "creator_id"}, "left")
        .select(
            col("creator_id"),
            col("sender_id"),
            col(CLEARS_ON),
            col("piece").minus(covered).as("diamonds"),
            col("source"))
        .filter(col("diamonds").gt(0));
  }
}
