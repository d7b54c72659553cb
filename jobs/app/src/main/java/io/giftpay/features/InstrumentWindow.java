package io.giftpay.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the card and device views share: which accounts are behind a card or device over D and the
 * 30 nights before, and the reversals landing on D placed on the card or device of the recharge
 * they take back.
 */
final class InstrumentWindow {
  private final FeatureInputs in;
  private final String summary;
  private final String thing;

  /**
   * @param summary the daily summary of (user_id, thing) pairs: {@link DailySummaries#ACCOUNT_CARD}
   *     or {@link DailySummaries#ACCOUNT_DEVICE}
   * @param thing its column: payment_fingerprint or device_id
   */
  InstrumentWindow(FeatureInputs in, String summary, String thing) {
    this.in = in;
    this.summary = summary;
    this.thing = thing;
  }

  /** thing, user_id: every account that used each card or device on D or the 30 nights before. */
  Dataset<Row> pairs() {
    return in.tonight()
        .get(summary)
        .union(in.prior30().apply(summary).select("user_id", thing))
        .distinct();
  }

  /** thing, accounts_30d. */
  Dataset<Row> accounts30() {
    return pairs().groupBy(thing).agg(count(lit(1)).as("accounts_30d"));
  }

  /**
   * thing, account_id, used_today: for each card or device used tonight, every account behind it
   * over the window, not only tonight's, so that a farm's quiet accounts are found too.
   *
   * @param usedTonight thing, account_id: tonight's uses
   */
  Dataset<Row> members(Dataset<Row> usedTonight) {
    Dataset<Row> tonight =
        usedTonight
            .select(
                col(thing).as("_thing"), col("account_id").as("_user"), lit(true).as("used_today"))
            .distinct();
    return pairs()
        .join(usedTonight.select(thing).distinct(), thing)
        .join(
            tonight,
            col(thing).equalTo(col("_thing")).and(col("user_id").equalTo(col("_user"))),
            "left")
        .select(
            col(thing),
            col("user_id").as("account_id"),
            coalesce(col("used_today"), lit(false)).as("used_today"));
  }

  /**
   * thing, reversals_today, chargebacks_today: reversals landing on D, by the reversed recharge's
   * card or device.
   */
  Dataset<Row> reversals() {
    return ReversedRecharges.of(in, in.tonight().get(DailySummaries.RECHARGE_INSTRUMENT))
        .filter(col(thing).isNotNull())
        .groupBy(thing)
        .agg(
            count(lit(1)).as("reversals_today"),
            sum(when(col("kind").equalTo("chargeback"), 1L).otherwise(0L)).as("chargebacks_today"));
  }
}
