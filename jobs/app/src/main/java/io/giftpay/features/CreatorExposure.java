package io.giftpay.features;

import static io.giftpay.features.SenderFeatures.share;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code creator_exposure} view (columns in {@link FeatureViews#EXPOSURE_COLUMNS}): how much of
 * a creator's money comes from senders detection already distrusts, and how much of tonight's from
 * senders nobody knows. Computed after tonight's sender rules, so a creator is held the same night
 * its senders are: one row per creator gifted over D and the 6 nights before.
 *
 * <p>Input: the week's sender-creator pairs (sender_id, creator_id, coins), tonight's included.
 */
public final class CreatorExposure implements Transform {
  private final FeatureInputs in;
  private final Dataset<Row> distrustedSenders;
  private final Dataset<Row> senderFeatures;
  private final int historyNights;

  /**
   * @param distrustedSenders sender_id: held, flagged for fraud tonight, or charged back over 30
   *     nights
   * @param senderFeatures tonight's {@code sender_features} (account age, gifting nights)
   * @param historyNights completed nights of the warehouse among the 30 before D
   */
  public CreatorExposure(
      FeatureInputs in,
      Dataset<Row> distrustedSenders,
      Dataset<Row> senderFeatures,
      int historyNights) {
    this.in = in;
    this.distrustedSenders = distrustedSenders;
    this.senderFeatures = senderFeatures;
    this.historyNights = historyNights;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> weekPairs) {
    long dpc = in.diamondsPerCoin();
    Dataset<Row> week =
        weekPairs
            .groupBy("creator_id", "sender_id")
            .agg(sum(col("coins").multiply(lit(dpc))).as("_diamonds"));
    Dataset<Row> distrusted =
        distrustedSenders.select(col("sender_id").as("_distrusted")).distinct();
    Dataset<Row> weekly =
        week.join(distrusted, week.col("sender_id").equalTo(distrusted.col("_distrusted")), "left")
            .groupBy("creator_id")
            .agg(
                sum("_diamonds").as("diamonds_7d"),
                countDistinct(when(col("_distrusted").isNotNull(), col("sender_id")))
                    .as("distrusted_senders_7d"),
                sum(when(col("_distrusted").isNotNull(), col("_diamonds")).otherwise(0L))
                    .as("distrusted_diamonds_7d"));

    // Unknown senders: under a week old, or with no gifts in the 30 nights before D.
    Dataset<Row> unknown =
        senderFeatures.select(
            col("sender_id").as("_s"),
            col("account_age_days").lt(7).or(col("active_days_30d").equalTo(0)).as("_unknown"));
    Dataset<Row> tonightPairs =
        in.gifts()
            .groupBy("creator_id", "sender_id")
            .agg(sum(col("coins").multiply(lit(dpc))).as("_diamonds"));
    Dataset<Row> tonight =
        tonightPairs
            .join(unknown, tonightPairs.col("sender_id").equalTo(unknown.col("_s")), "left")
            .groupBy(col("creator_id").as("_t"))
            .agg(
                sum("_diamonds").as("diamonds_today"),
                countDistinct("sender_id").as("senders_today"),
                sum(when(coalesce(col("_unknown"), lit(true)), col("_diamonds")).otherwise(0L))
                    .as("unknown_sender_diamonds_today"));

    Dataset<Row> accounts = in.accounts().select(col("user_id").as("_a"), col("created_at"));
    Dataset<Row> all =
        weekly
            .join(tonight, weekly.col("creator_id").equalTo(tonight.col("_t")), "left")
            .join(accounts, weekly.col("creator_id").equalTo(accounts.col("_a")), "left");
    Column today = coalesce(col("diamonds_today"), lit(0L));
    return all.select(
        col("creator_id"),
        datediff(lit(in.night()), to_date(col("created_at"))).as("account_age_days"),
        today.as("diamonds_today"),
        coalesce(col("senders_today"), lit(0L)).as("senders_today"),
        col("diamonds_7d"),
        col("distrusted_senders_7d"),
        col("distrusted_diamonds_7d"),
        share(col("distrusted_diamonds_7d"), col("diamonds_7d")).as("distrusted_share_7d"),
        coalesce(col("unknown_sender_diamonds_today"), lit(0L)).as("unknown_sender_diamonds_today"),
        share(col("unknown_sender_diamonds_today"), today).as("unknown_sender_share_today"),
        lit(historyNights).as("history_nights_30d"));
  }
}
