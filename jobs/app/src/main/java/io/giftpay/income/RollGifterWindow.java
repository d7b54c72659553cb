package io.giftpay.income;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Rolls the 30-night window of diamonds per creator and gifter one night on: state(D) = state(D-1)
 * + tonight's pairs - the pairs of night D-30, which leave the window. Pairs that reach 0 drop out,
 * so the state holds only the pairs active in the window and a night costs the active pairs plus
 * two nights of summaries, never the history.
 *
 * <p>Input: state(D-1) ({@link #STATE_SCHEMA}). Constructor: tonight's and the leaving night's
 * {@code sender_creator} daily summaries ({@code sender_id, creator_id, coins}). A negative result
 * is kept, not hidden: it means the previous state and the summaries disagree, and the night
 * refuses it.
 */
public final class RollGifterWindow implements Transform {
  /** creator_id, sender_id, diamonds: diamonds each gifter gave each creator over the 30 nights. */
  public static final StructType STATE_SCHEMA =
      StructType.fromDDL("creator_id string, sender_id string, diamonds bigint");

  private final Dataset<Row> arriving;
  private final Dataset<Row> leaving;
  private final long diamondsPerCoin;

  public RollGifterWindow(Dataset<Row> arriving, Dataset<Row> leaving, long diamondsPerCoin) {
    this.arriving = arriving;
    this.leaving = leaving;
    this.diamondsPerCoin = diamondsPerCoin;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> previous) {
    Dataset<Row> moves =
        previous
            .select(col("creator_id"), col("sender_id"), col("diamonds"))
            .unionByName(diamonds(arriving, 1))
            .unionByName(diamonds(leaving, -1));
    return moves
        .groupBy("creator_id", "sender_id")
        .agg(sum("diamonds").as("diamonds"))
        .filter(col("diamonds").notEqual(0L));
  }

  private Dataset<Row> diamonds(Dataset<Row> pairs, long sign) {
    return pairs.select(
        col("creator_id"),
        col("sender_id"),
        col("coins").multiply(lit(Math.multiplyExact(sign, diamondsPerCoin))).as("diamonds"));
  }
}
