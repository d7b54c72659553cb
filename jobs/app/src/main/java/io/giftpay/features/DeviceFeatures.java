package io.giftpay.features;

import static io.giftpay.features.CardFeatures.zero;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code device_features} view (columns in {@link FeatureViews#DEVICE_COLUMNS}): one row per
 * device used on night D and each account that gifted or recharged from it over D and the 30 nights
 * before, the device's columns repeated on each. Input: tonight's gifts; recharges and history from
 * {@link FeatureInputs}.
 */
public final class DeviceFeatures implements Transform {
  private static final String DEVICE = "device_id";

  private final FeatureInputs in;

  public DeviceFeatures(FeatureInputs in) {
    this.in = in;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> gifts) {
    Dataset<Row> recharges = in.recharges();
    Dataset<Row> uses =
        gifts
            .select(col(DEVICE), col("sender_id").as("account_id"), col("ip_country"))
            .union(
                recharges.select(col(DEVICE), col("user_id").as("account_id"), col("ip_country")));
    Dataset<Row> useStats =
        uses.groupBy(DEVICE)
            .agg(
                countDistinct("account_id").as("accounts_today"),
                countDistinct("ip_country").as("countries_today"));
    Dataset<Row> giftStats =
        gifts.groupBy(DEVICE).agg(count(lit(1)).as("gifts_today"), sum("coins").as("coins_today"));
    Dataset<Row> rechargeStats =
        recharges
            .withColumn(
                "_in_10min",
                count(lit(1))
                    .over(
                        Window.partitionBy(DEVICE)
                            .orderBy(col("event_time").cast("long"))
                            .rangeBetween(-599, 0)))
            .groupBy(DEVICE)
            .agg(
                count(lit(1)).as("recharges_today"),
                max("_in_10min").as("max_recharges_10min"),
                countDistinct("payment_fingerprint").as("cards_today"));
    InstrumentWindow window = new InstrumentWindow(in, DailySummaries.ACCOUNT_DEVICE, DEVICE);
    Dataset<Row> members = window.members(uses.select(DEVICE, "account_id"));

    Dataset<Row> all =
        members
            .join(useStats, DEVICE)
            .join(giftStats, DEVICE, "left")
            .join(rechargeStats, DEVICE, "left")
            .join(window.accounts30(), DEVICE, "left")
            .join(window.reversals(), DEVICE, "left");
    return all.select(
        InstrumentKeys.device(in.identifierKey(), col(DEVICE)).as("device_key"),
        col("account_id"),
        col("used_today"),
        col("accounts_today"),
        zero(col("accounts_30d")).as("accounts_30d"),
        zero(col("gifts_today")).as("gifts_today"),
        zero(col("coins_today")).as("coins_today"),
        zero(col("recharges_today")).as("recharges_today"),
        zero(col("max_recharges_10min")).as("max_recharges_10min"),
        zero(col("cards_today")).as("cards_today"),
        col("countries_today"),
        zero(col("reversals_today")).as("reversals_today"),
        zero(col("chargebacks_today")).as("chargebacks_today"));
  }
}
