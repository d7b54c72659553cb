package io.giftpay.detection;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREATOR_ID;
import static io.giftpay.spark.BalanceColumns.HELD;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Withholds tonight's holds from the balances before payout. A sender-creator hold moves its
 * diamonds from available to held; when they were already paid, available goes negative and
 * later earnings recover it before anything more is paid. A creator hold then moves whatever
 * is still available to held and marks the creator {@code on_hold}. Every move keeps
 * {@code available + held} unchanged, so the books still balance.
 *
 * <p>Adds {@link #ON_HOLD} and {@link #CREATOR_HOLD_DIAMONDS}.
 */
public final class ApplyHolds implements Transform {
  public static final String ON_HOLD = "on_hold";
  public static final String CREATOR_HOLD_DIAMONDS = "creator_hold_diamonds";

  private final Dataset<Row> pairHolds;
  private final Dataset<Row> creatorHolds;

  /**
   * @param pairHolds creator_id, sender_id, diamonds, source ({@link PlanPairHolds})
   * @param creatorHolds creator_id, source
   */
  public ApplyHolds(Dataset<Row> pairHolds, Dataset<Row> creatorHolds) {
    this.pairHolds = pairHolds;
    this.creatorHolds = creatorHolds;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    Dataset<Row> perCreator = pairHolds.groupBy(col("creator_id").as("_held_creator")).agg(sum("diamonds").as("_pair_held"));
    Dataset<Row> onHold = creatorHolds.select(col("creator_id").as("_hold_creator")).distinct();
    Dataset<Row> joined = balances
        .join(perCreator, balances.col(CREATOR_ID).equalTo(perCreator.col("_held_creator")), "left")
        .join(onHold, balances.col(CREATOR_ID).equalTo(onHold.col("_hold_creator")), "left");
    Column pairHeld = coalesce(col("_pair_held"), lit(0L));
    Column afterPairs = col(AVAILABLE).minus(pairHeld);
    Column isOnHold = col("_hold_creator").isNotNull();
    Column creatorHeld = when(isOnHold, greatest(afterPairs, lit(0L))).otherwise(lit(0L));
    return joined
        .withColumn(CREATOR_HOLD_DIAMONDS, creatorHeld)
        .withColumn(HELD, col(HELD).plus(pairHeld).plus(col(CREATOR_HOLD_DIAMONDS)))
        .withColumn(AVAILABLE, afterPairs.minus(col(CREATOR_HOLD_DIAMONDS)))
        .withColumn(ON_HOLD, isOnHold)
        .drop("_held_creator", "_pair_held", "_hold_creator");
  }
}
