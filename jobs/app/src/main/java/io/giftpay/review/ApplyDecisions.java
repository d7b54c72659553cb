package io.giftpay.review;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREATOR_ID;
import static io.giftpay.spark.BalanceColumns.FORFEITED;
import static io.giftpay.spark.BalanceColumns.HELD;
import static io.giftpay.spark.BalanceColumns.PENDING;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.ClearingLots;
import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies tonight's review decisions to the balances, before tonight's holds and payouts (policy
 * point 8): a released diamond moves from held to available (and is paid tonight if the creator
 * qualifies) or, if its clearing night has not come (point 11), to pending; a forfeited one from
 * held to forfeited (never paid). Which released diamonds stay pending is what the clearing lots
 * say ({@link ReleaseHeldLots}). Each move keeps {@code pending + available + held + forfeited}
 * unchanged, so the books still balance.
 */
public final class ApplyDecisions implements Transform {
  public static final String RELEASED = "released";
  public static final String FORFEITED_NOW = "forfeited";

  private final Dataset<Row> moves;
  private final Dataset<Row> lotsBefore;
  private final Dataset<Row> lotsAfter;

  /**
   * @param moves creator_id, released, forfeited: per creator, what tonight's decisions move
   * @param lotsBefore the clearing lots before the decisions
   * @param lotsAfter the clearing lots after them ({@link ReleaseHeldLots})
   */
  public ApplyDecisions(Dataset<Row> moves, Dataset<Row> lotsBefore, Dataset<Row> lotsAfter) {
    this.moves = moves;
    this.lotsBefore = lotsBefore;
    this.lotsAfter = lotsAfter;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    Dataset<Row> perCreator =
        moves
            .groupBy(col(CREATOR_ID).as("_moved_creator"))
            .agg(sum(RELEASED).as("_released"), sum(FORFEITED_NOW).as("_forfeited"));
    // released diamonds still clearing: how much more is pending in the lots than before
    Dataset<Row> pendingGain =
        ClearingLots.unheldGain(lotsBefore, lotsAfter, "_moved_creator", "_to_pending");
    Dataset<Row> joined =
        balances
            .join(
                perCreator,
                balances.col(CREATOR_ID).equalTo(perCreator.col("_moved_creator")),
                "left")
            .join(pendingGain, "_moved_creator", "left");
    Column released = coalesce(col("_released"), lit(0L));
    Column forfeited = coalesce(col("_forfeited"), lit(0L));
    Column toPending = coalesce(col("_to_pending"), lit(0L));
    return joined
        .withColumn(PENDING, col(PENDING).plus(toPending))
        .withColumn(AVAILABLE, col(AVAILABLE).plus(released).minus(toPending))
        .withColumn(HELD, col(HELD).minus(released).minus(forfeited))
        .withColumn(FORFEITED, col(FORFEITED).plus(forfeited))
        .drop("_moved_creator", "_released", "_forfeited", "_to_pending");
  }
}
