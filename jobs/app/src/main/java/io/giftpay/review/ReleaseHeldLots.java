package io.giftpay.review;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.BalanceColumns;
import io.giftpay.spark.ClearingLots;
import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * What tonight's review decisions do to the clearing lots (point 11): released diamonds that have
 * not reached their clearing night stay pending until it, the rest become available at once ({@link
 * ApplyDecisions}). A creator's held diamonds are either cleared (no lot) or in held lots by
 * clearing night; the lots do not say which case holds which diamonds, so when only part of a
 * creator's held diamonds moves the choice is the one that never pays early: a release takes the
 * held lots newest first, a forfeit takes the cleared held diamonds first, then the oldest lots. A
 * creator with one case (the usual) moves exactly its own diamonds.
 *
 * <p>Input: the lots after tonight's credits matured; output: the lots after the decisions.
 */
public final class ReleaseHeldLots implements Transform {
  private final Dataset<Row> moves;
  private final Dataset<Row> balances;

  /**
   * @param moves creator_id, released, forfeited (tonight's decisions, any number of rows per
   *     creator)
   * @param balances creator_id, held_diamonds before the decisions
   */
  public ReleaseHeldLots(Dataset<Row> moves, Dataset<Row> balances) {
    this.moves = moves;
    this.balances = balances;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> lots) {
    Dataset<Row> perCreator =
        moves
            .groupBy(col(BalanceColumns.CREATOR_ID).as("_c"))
            .agg(sum(ApplyDecisions.RELEASED).as("_x"), sum(ApplyDecisions.FORFEITED_NOW).as("_f"))
            .join(
                balances.select(
                    col(BalanceColumns.CREATOR_ID).as("_c"), col(BalanceColumns.HELD).as("_held")),
                "_c");
    Dataset<Row> held = lots.filter(col(ClearingLots.HELD));
    Dataset<Row> heldInLots =
        held.groupBy(col(ClearingLots.CREATOR_ID).as("_c"))
            .agg(sum(ClearingLots.DIAMONDS).as("_in_lots"));
    Dataset<Row> touched =
        held.join(perCreator, held.col(ClearingLots.CREATOR_ID).equalTo(perCreator.col("_c")))
            .join(heldInLots, "_c");

    WindowSpec newestFirst =
        Window.partitionBy("_c")
            .orderBy(col(ClearingLots.CLEARS_ON).desc())
            .rowsBetween(Window.unboundedPreceding(), -1);
    Column lot = col(ClearingLots.DIAMONDS);
    Column releasedHere =
        least(
            lot, greatest(col("_x").minus(coalesce(sum(lot).over(newestFirst), lit(0L))), lit(0L)));
    Dataset<Row> released = touched.withColumn("_released", releasedHere);

    // what the release left in held lots; the forfeit takes what is held outside lots first
    Column left = col(ClearingLots.DIAMONDS).minus(col("_released"));
    Column clearedHeld = col("_held").minus(col("_in_lots"));
    Column clearedAfterRelease =
        clearedHeld.minus(greatest(col("_x").minus(col("_in_lots")), lit(0L)));
    Column forfeitFromLots =
        greatest(col("_f").minus(greatest(clearedAfterRelease, lit(0L))), lit(0L));
    WindowSpec oldestFirst =
        Window.partitionBy("_c")
            .orderBy(col(ClearingLots.CLEARS_ON).asc())
            .rowsBetween(Window.unboundedPreceding(), -1);
    Column forfeitedHere =
        least(
            left,
            greatest(
                forfeitFromLots.minus(coalesce(sum(left).over(oldestFirst), lit(0L))), lit(0L)));
    Dataset<Row> moved = released.withColumn("_forfeited", forfeitedHere);

    Dataset<Row> stillHeld =
        moved.select(
            col(ClearingLots.CREATOR_ID),
            col(ClearingLots.CLEARS_ON),
            lit(true).as(ClearingLots.HELD),
            col(ClearingLots.DIAMONDS)
                .minus(col("_released"))
                .minus(col("_forfeited"))
                .as(ClearingLots.DIAMONDS));
    Dataset<Row> nowPending =
        moved.select(
            col(ClearingLots.CREATOR_ID),
            col(ClearingLots.CLEARS_ON),
            lit(false).as(ClearingLots.HELD),
            col("_released").as(ClearingLots.DIAMONDS));
    Dataset<Row> untouchedHeld =
        held.join(
            perCreator,
            held.col(ClearingLots.CREATOR_ID).equalTo(perCreator.col("_c")),
            "left_anti");
    return ClearingLots.normalise(
        lots.filter(not(col(ClearingLots.HELD)))
            .unionByName(untouchedHeld)
            .unionByName(stillHeld)
            .unionByName(nowPending));
  }
}
