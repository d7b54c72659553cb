package io.giftpay.detection;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREATOR_ID;
import static io.giftpay.spark.BalanceColumns.HELD;
import static io.giftpay.spark.BalanceColumns.PENDING;
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
 * diamonds to held: the part still clearing from pending (point 11, {@link PendingTaken}), the rest
 * from available; when that was already paid, available goes negative and later earnings recover it
 * before anything more is paid. A creator hold then moves everything still pending and whatever is
 * still available to held and marks the creator {@code on_hold}. Every move keeps {@code pending +
 * available + held} unchanged, so the books still balance.
 *
 * <p>Adds {@link #ON_HOLD} and {@link #CREATOR_HOLD_DIAMONDS}.
 */
public final class ApplyHolds implements Transform {
  public static final String ON_HOLD = "on_hold";
  public static final String CREATOR_HOLD_DIAMONDS = "creator_hold_diamonds";

  private final Dataset<Row> pairHolds;
  private final Dataset<Row> creatorHolds;
  private final Dataset<Row> lots;

  /**
   * @param pairHolds creator_id, sender_id, clears_on, diamonds, source ({@link PlanPairHolds})
   * @param creatorHolds creator_id, source
   * @param lots the clearing lots before tonight's holds
   */
  public ApplyHolds(Dataset<Row> pairHolds, Dataset<Row> creatorHolds, Dataset<Row> lots) {
    this.pairHolds = pairHolds;
    this.creatorHolds = creatorHolds;
    this.lots = lots;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    Dataset<Row> perCreator =
        pairHolds
            .groupBy(col("creator_id").as("_held_creator"))
            .agg(sum("diamonds").as("_pair_held"));
    Dataset<Row> fromPending =
        PendingTaken.of(pairHolds, lots)
            .groupBy(col("creator_id").as("_taken_creator"))
            .agg(sum(PendingTaken.TAKEN).as("_pending_taken"));
    Dataset<Row> onHold = creatorHolds.select(col("creator_id").as("_hold_creator")).distinct();
    Dataset<Row> joined =
        balances
            .join(
                perCreator,
                balances.col(CREATOR_ID).equalTo(perCreator.col("_held_creator")),
                "left")
            .join(
                fromPending,
                balances.col(CREATOR_ID).equalTo(fromPending.col("_taken_creator")),
                "left")
            .join(onHold, balances.col(CREATOR_ID).equalTo(onHold.col("_hold_creator")), "left");
    Column pairHeld = coalesce(col("_pair_held"), lit(0L));
    Column pendingTaken = coalesce(col("_pending_taken"), lit(0L));
    Column pendingAfterPairs = col(PENDING).minus(pendingTaken);
    Column availableAfterPairs = col(AVAILABLE).minus(pairHeld.minus(pendingTaken));
    Column isOnHold = col("_hold_creator").isNotNull();
    Column availableHeld =
        when(isOnHold, greatest(availableAfterPairs, lit(0L))).otherwise(lit(0L));
    Column pendingHeld = when(isOnHold, pendingAfterPairs).otherwise(lit(0L));
    return joined
        .withColumn("_available_held", availableHeld)
        .withColumn("_pending_held", pendingHeld)
        .withColumn(CREATOR_HOLD_DIAMONDS, col("_available_held").plus(col("_pending_held")))
        .withColumn(HELD, col(HELD).plus(pairHeld).plus(col(CREATOR_HOLD_DIAMONDS)))
        .withColumn(PENDING, pendingAfterPairs.minus(col("_pending_held")))
        .withColumn(AVAILABLE, availableAfterPairs.minus(col("_available_held")))
        .withColumn(ON_HOLD, isOnHold)
        .drop(
            "_held_creator",
            "_pair_held",
            "_taken_creator",
            "_pending_taken",
            "_hold_creator",
            "_available_held",
            "_pending_held");
  }
}
