package io.giftpay.features;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tonight's reversals with the card and device of the recharge they take back, looked up among the
 * recharges of D and the 30 nights before ({@link DailySummaries#RECHARGE_INSTRUMENT}). A reversal
 * of an older recharge keeps its row with a null card and device: it still counts for its account,
 * but for no card or device.
 */
final class ReversedRecharges {
  private ReversedRecharges() {}

  /** kind, coins, payment_fingerprint, device_id: one row per reversal landing on D. */
  static Dataset<Row> of(FeatureInputs in, Dataset<Row> tonightsInstruments) {
    Dataset<Row> instruments =
        tonightsInstruments
            .union(
                in.prior30()
                    .apply(DailySummaries.RECHARGE_INSTRUMENT)
                    .select("event_id", "payment_fingerprint", "device_id"))
            .withColumnRenamed("event_id", "_recharge_id");
    return in.reversals()
        .join(instruments, col("recharge_event_id").equalTo(col("_recharge_id")), "left")
        .select("kind", "coins", "payment_fingerprint", "device_id");
  }
}
