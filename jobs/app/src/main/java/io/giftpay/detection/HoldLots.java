package io.giftpay.detection;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.giftpay.spark.ClearingLots;
import io.giftpay.spark.Transform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tonight's holds in the clearing lots (point 11: holds reach pending diamonds): the pieces of
 * sender holds that are still clearing become held lots ({@link PendingTaken}), and a creator on
 * hold has every lot held. Held lots keep their clearing night, so a later release knows whether
 * the diamonds may be paid at once. Input and output: clearing lots.
 */
public final class HoldLots implements Transform {
  private final Dataset<Row> pairHolds;
  private final Dataset<Row> creatorHolds;

  /**
   * @param pairHolds creator_id, sender_id, clears_on, diamonds, source ({@link PlanPairHolds})
   * @param creatorHolds creator_id, source
   */
  public HoldLots(Dataset<Row> pairHolds, Dataset<Row> creatorHolds) {
    this.pairHolds = pairHolds;
    this.creatorHolds = creatorHolds;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> lots) {
    Dataset<Row> taken =
        PendingTaken.of(pairHolds, lots)
            .select(
                col(ClearingLots.CREATOR_ID).as("_tc"),
                col(ClearingLots.CLEARS_ON).as("_ton"),
                col(PendingTaken.TAKEN));
    Dataset<Row> onHold = creatorHolds.select(col("creator_id").as("_hc")).distinct();
    Dataset<Row> unheld =
        lots.filter(not(col(ClearingLots.HELD)))
            .join(
                taken,
                col(ClearingLots.CREATOR_ID)
                    .equalTo(col("_tc"))
                    .and(col(ClearingLots.CLEARS_ON).equalTo(col("_ton"))),
                "left")
            .join(onHold, col(ClearingLots.CREATOR_ID).equalTo(col("_hc")), "left");
    Dataset<Row> left =
        unheld.select(
            col(ClearingLots.CREATOR_ID),
            col(ClearingLots.CLEARS_ON),
            col("_hc").isNotNull().as(ClearingLots.HELD),
            col(ClearingLots.DIAMONDS)
                .minus(coalesce(col(PendingTaken.TAKEN), lit(0L)))
                .as(ClearingLots.DIAMONDS));
    Dataset<Row> nowHeld =
        unheld
            .filter(col(PendingTaken.TAKEN).isNotNull())
            .select(
                col(ClearingLots.CREATOR_ID),
                col(ClearingLots.CLEARS_ON),
                lit(true).as(ClearingLots.HELD),
                col(PendingTaken.TAKEN).as(ClearingLots.DIAMONDS));
    return ClearingLots.normalise(
        lots.filter(col(ClearingLots.HELD)).unionByName(left).unionByName(nowHeld));
  }
}
