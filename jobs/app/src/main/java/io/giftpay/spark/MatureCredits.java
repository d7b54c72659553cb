package io.giftpay.spark;

import static io.giftpay.spark.BalanceColumns.AVAILABLE;
import static io.giftpay.spark.BalanceColumns.CREATOR_ID;
import static io.giftpay.spark.BalanceColumns.PENDING;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Moves the pending diamonds whose clearing night has come (clears_on &lt;= D, no hold on them) to
 * available (point 11). Under policy v1 tonight's credits clear tonight, so everything credited is
 * available at once, as version 1 says. Keeps {@code pending + available} unchanged.
 */
public final class MatureCredits implements Transform {
  private final Dataset<Row> lots;
  private final LocalDate night;

  /**
   * @param lots every lot, tonight's credits included ({@link ScheduleCredits})
   */
  public MatureCredits(Dataset<Row> lots, LocalDate night) {
    this.lots = lots;
    this.night = night;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> balances) {
    Dataset<Row> matured =
        ClearingLots.unheld(
            lots.filter(col(ClearingLots.CLEARS_ON).leq(lit(night))),
            "_matured_creator",
            "_matured");
    Column cleared = coalesce(col("_matured"), lit(0L));
    return balances
        .join(matured, balances.col(CREATOR_ID).equalTo(matured.col("_matured_creator")), "left")
        .withColumn(PENDING, col(PENDING).minus(cleared))
        .withColumn(AVAILABLE, col(AVAILABLE).plus(cleared))
        .drop("_matured_creator", "_matured");
  }
}
