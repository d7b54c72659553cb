package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Adds tonight's credits to the clearing lots (point 11): each creator's diamonds credited on D
 * clear on {@code D + clearing_nights}. Input: the lots carried from the previous night.
 */
public final class ScheduleCredits implements Transform {
  private final Dataset<Row> credits;
  private final LocalDate clearsOn;

  /**
   * @param credits the output of {@link CreditCreators}
   * @param clearsOn the night tonight's credits clear (D itself under policy v1)
   */
  public ScheduleCredits(Dataset<Row> credits, LocalDate clearsOn) {
    this.credits = credits;
    this.clearsOn = clearsOn;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> previousLots) {
    Dataset<Row> tonight =
        credits
            .filter(col(BalanceColumns.CREDITED_TODAY).gt(0))
            .select(
                col(BalanceColumns.CREATOR_ID).as(ClearingLots.CREATOR_ID),
                lit(clearsOn).as(ClearingLots.CLEARS_ON),
                lit(false).as(ClearingLots.HELD),
                col(BalanceColumns.CREDITED_TODAY).as(ClearingLots.DIAMONDS));
    return previousLots
        .select(
            ClearingLots.CREATOR_ID,
            ClearingLots.CLEARS_ON,
            ClearingLots.HELD,
            ClearingLots.DIAMONDS)
        .unionByName(tonight);
  }
}
