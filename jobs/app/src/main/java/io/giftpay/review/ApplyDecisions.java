package io.giftpay.review;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREATOR_ID;
import static io.giftpay.spark.BalanceColumns.FORFEITED;
import static io.giftpay.spark.BalanceColumns.HELD;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies tonight's review decisions to the balances, before tonight's holds and payouts
 * (policy point 8): a released diamond moves from held to available (and is paid tonight if the
 * creator qualifies), a forfeited one from held to forfeited (never paid). Each move keeps
 * {@code available + held + forfeited} unchanged, so the books still balance.
 */
public final class ApplyDecisions implements Transform {
  public static final String RELEASED = "released";
  public static final String FORFEITED_NOW = "forfeited";

  private final Dataset<Row> moves;

  /** @param moves creator_id, released, forfeited: per creator, what tonight's decisions move */
  public ApplyDecisions(Dataset<Row> moves) {
    this.moves = moves;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    Dataset<Row> perCreator = moves.groupBy(col(CREATOR_ID).as("_moved_creator"))
        .agg(sum(RELEASED).as("_released"), sum(FORFEITED_NOW).as("_forfeited"));
    Dataset<Row> joined = balances.join(perCreator, balances.col(CREATOR_ID).equalTo(perCreator.col("_moved_creator")), "left");
    Column released = coalesce(col("_released"), lit(0L));
    Column forfeited = coalesce(col("_forfeited"), lit(0L));
    return joined
        .withColumn(AVAILABLE, col(AVAILABLE).plus(released))
        .withColumn(HELD, col(HELD).minus(released).minus(forfeited))
        .withColumn(FORFEITED, col(FORFEITED).plus(forfeited))
        .drop("_moved_creator", "_released", "_forfeited");
  }
}
