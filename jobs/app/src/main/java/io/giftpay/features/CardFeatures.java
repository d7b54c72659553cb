package io.giftpay.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code card_features} view (columns in {@link FeatureViews#CARD_COLUMNS}): one row per card
 * used on night D and each account that recharged with it over D and the 30 nights before, the
 * card's columns repeated on each, so that a rule over a card flags every account behind it. Input:
 * tonight's recharges.
 */
public final class CardFeatures implements Transform {
  private static final String CARD = "payment_fingerprint";

  private final FeatureInputs in;

  public CardFeatures(FeatureInputs in) {
    this.in = in;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> recharges) {
    Dataset<Row> stats =
        RechargeUsd.withUsd(recharges, in.fxRates())
            .withColumn(
                "_in_10min",
                count(lit(1))
                    .over(
                        Window.partitionBy(CARD)
                            .orderBy(col("event_time").cast("long"))
                            .rangeBetween(-599, 0)))
            .groupBy(CARD)
            .agg(
                countDistinct("user_id").as("accounts_today"),
                count(lit(1)).as("recharges_today"),
                sum(RechargeUsd.COLUMN).cast("decimal(20,2)").as("recharge_usd_today"),
                max("_in_10min").as("max_recharges_10min"),
                sum(when(col("coins").leq(100), 1L).otherwise(0L)).as("small_recharges_today"),
                countDistinct("ip_country").as("countries_today"));
    InstrumentWindow window = new InstrumentWindow(in, DailySummaries.ACCOUNT_CARD, CARD);
    Dataset<Row> chargebacks30 =
        in.tonight()
            .get(DailySummaries.INSTRUMENT_CHARGEBACKS)
            .union(
                in.prior30()
                    .apply(DailySummaries.INSTRUMENT_CHARGEBACKS)
                    .select(CARD, "device_id", "chargebacks"))
            .groupBy(CARD)
            .agg(sum("chargebacks").as("chargebacks_30d"));
    Dataset<Row> members =
        window.members(recharges.select(col(CARD), col("user_id").as("account_id")));

    Dataset<Row> all =
        members
            .join(stats, CARD)
            .join(window.accounts30(), CARD, "left")
            .join(window.reversals(), CARD, "left")
            .join(chargebacks30, CARD, "left");
    return all.select(
        InstrumentKeys.card(in.identifierKey(), col(CARD)).as("card_key"),
        col("account_id"),
        col("used_today"),
        col("accounts_today"),
        zero(col("accounts_30d")).as("accounts_30d"),
        col("recharges_today"),
        col("recharge_usd_today"),
        col("max_recharges_10min"),
        col("small_recharges_today"),
        col("countries_today"),
        zero(col("reversals_today")).as("reversals_today"),
        zero(col("chargebacks_today")).as("chargebacks_today"),
        zero(col("chargebacks_30d")).as("chargebacks_30d"));
  }

  static Column zero(Column count) {
    return coalesce(count, lit(0L));
  }
}
