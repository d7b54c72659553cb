package io.giftpay.detection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.ClearingLots;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The pending diamonds tonight's sender holds take from each clearing lot: per creator and clearing
 * night, the pair holds' pieces in that lot, at most what the lot still has unheld (a creator hold
 * of an earlier night may have taken the lot already; then the piece is held from the cleared
 * balance, as under policy v1). Output: creator_id, clears_on, taken.
 */
final class PendingTaken {
  static final String TAKEN = "taken";

  private PendingTaken() {}

  static Dataset<Row> of(Dataset<Row> pairHolds, Dataset<Row> lots) {
    Dataset<Row> pieces =
        pairHolds
            .filter(col(PlanPairHolds.CLEARS_ON).isNotNull())
            .groupBy(col("creator_id").as("_pc"), col(PlanPairHolds.CLEARS_ON).as("_pon"))
            .agg(sum("diamonds").as("_piece"));
    Dataset<Row> unheld = lots.filter(not(col(ClearingLots.HELD)));
    return unheld
        .join(
            pieces,
            unheld
                .col(ClearingLots.CREATOR_ID)
                .equalTo(col("_pc"))
                .and(unheld.col(ClearingLots.CLEARS_ON).equalTo(col("_pon"))))
        .select(
            col(ClearingLots.CREATOR_ID),
            col(ClearingLots.CLEARS_ON),
            least(col(ClearingLots.DIAMONDS), col("_piece")).as(TAKEN));
  }
}
