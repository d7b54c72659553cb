package io.giftpay.features;

import static io.giftpay.features.SenderFeatures.share;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.giftpay.payout.AdultAge;
import io.giftpay.spark.Transform;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code creator_features} view (columns in {@link FeatureViews#CREATOR_COLUMNS}): one row per
 * creator gifted on night D. Input: tonight's accepted gifts.
 */
public final class CreatorFeatures implements Transform {
  private final FeatureInputs in;
  private final Dataset<Row> senderFeatures;
  private final Dataset<Row> links;

  /**
   * @param senderFeatures tonight's {@code sender_features}
   * @param links pairs of accounts sharing a device or card ({@link AccountLinks})
   */
  public CreatorFeatures(FeatureInputs in, Dataset<Row> senderFeatures, Dataset<Row> links) {
    this.in = in;
    this.senderFeatures = senderFeatures;
    this.links = links;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> gifts) {
    long dpc = in.diamondsPerCoin();
    Dataset<Row> pairs =
        gifts
            .groupBy("creator_id", "sender_id")
            .agg(sum(col("coins").multiply(lit(dpc))).as("diamonds"), count(lit(1)).as("gifts"));
    Dataset<Row> senders =
        senderFeatures.select(
            col("sender_id"),
            col("account_age_days").lt(7).as("_new_sender"),
            coalesce(col("age_years").lt(AdultAge.ADULT_YEARS), lit(false)).as("_minor_sender"),
            col("chargebacks_30d").gt(0).as("_chargeback_sender"),
            col("reward_share").geq(0.5).as("_reward_sender"));
    Dataset<Row> enriched =
        AccountLinks.markLinkedPairs(pairs.join(senders, "sender_id", "left"), links);
    Column diamonds = col("diamonds");
    Dataset<Row> today =
        enriched
            .groupBy("creator_id")
            .agg(
                sum(diamonds).as("diamonds_today"),
                sum("gifts").as("gifts_received_today"),
                // One row per pair: its senders are its rows (a distinct count costs a shuffle
                // more).
                count(col("sender_id")).as("senders_today"),
                max(diamonds).as("_top_gifter"),
                sum(when(col("_new_sender"), diamonds).otherwise(0L)).as("_from_new"),
                sum(when(col("_minor_sender"), diamonds).otherwise(0L)).as("_from_minors"),
                sum(when(col("_linked"), diamonds).otherwise(0L)).as("_from_linked"),
                sum(when(col("_chargeback_sender"), diamonds).otherwise(0L)).as("_from_chargeback"),
                sum(when(col("_reward_sender"), diamonds).otherwise(0L)).as("_from_rewards"));

    Dataset<Row> baseline =
        in.prior30()
            .apply(DailySummaries.CREATOR_DAY)
            .groupBy("creator_id")
            .agg(avg(col("diamonds").cast("double")).as("baseline_diamonds_30d"));
    Dataset<Row> week =
        in.tonight()
            .get(DailySummaries.SENDER_CREATOR)
            .union(
                in.prior6()
                    .apply(DailySummaries.SENDER_CREATOR)
                    .select("sender_id", "creator_id", "coins"))
            .groupBy("sender_id", "creator_id")
            .agg(sum("coins").as("coins"));
    Dataset<Row> given =
        week.select(col("sender_id").as("a"), col("creator_id").as("b"), col("coins").as("a_to_b"));
    Dataset<Row> received =
        week.select(col("creator_id").as("a"), col("sender_id").as("b"), col("coins").as("b_to_a"));
    Dataset<Row> reciprocal =
        given
            .join(received, new String[] {"a", "b"}, "inner")
            .groupBy(col("a").as("creator_id"))
            .agg(sum(least(col("a_to_b"), col("b_to_a"))).as("reciprocal_coins_7d"));
    // Rings need not be pairs (A gives B, B gives C, C gives A): money both in from creators and
    // out to creators. The week's pairs, each marked by whether its sender is a creator, are read
    // once per side.
    Dataset<Row> creatorIds =
        in.accounts()
            .filter(col("is_creator"))
            .select(col("user_id").as("_creator"), lit(true).as("_sender_is_creator"));
    Dataset<Row> weekMarked =
        week.join(creatorIds, week.col("sender_id").equalTo(creatorIds.col("_creator")), "left");
    Column fromCreator = when(col("_sender_is_creator"), col("coins"));
    Dataset<Row> fromCreators =
        weekMarked.groupBy("creator_id").agg(sum(fromCreator).as("coins_from_creators_7d"));
    // Gifts only go to creators, so every receiver in the week is a creator this account gifted
    // (the week holds each pair once, so its rows per sender are its creators).
    Dataset<Row> asSender =
        weekMarked
            .groupBy(col("sender_id").as("creator_id"))
            .agg(
                count(col("creator_id")).as("creators_gifted_7d"),
                sum(fromCreator).as("coins_to_creators_7d"));
    Dataset<Row> accounts =
        in.accounts().select(col("user_id").as("creator_id"), col("created_at"));

    Dataset<Row> all =
        today
            .join(accounts, "creator_id", "left")
            .join(baseline, "creator_id", "left")
            .join(reciprocal, "creator_id", "left")
            .join(asSender, "creator_id", "left")
            .join(fromCreators, "creator_id", "left");
    Column total = col("diamonds_today");
    return all.select(
        col("creator_id"),
        datediff(lit(in.night()), to_date(col("created_at"))).as("account_age_days"),
        total,
        col("gifts_received_today"),
        col("senders_today"),
        col("baseline_diamonds_30d"),
        when(col("baseline_diamonds_30d").gt(0), total.divide(col("baseline_diamonds_30d")))
            .as("diamond_ratio"),
        share(col("_top_gifter"), total).as("top_gifter_share"),
        share(col("_from_new"), total).as("new_account_share"),
        share(col("_from_minors"), total).as("minor_sender_share"),
        share(col("_from_linked"), total).as("linked_sender_share"),
        share(col("_from_chargeback"), total).as("chargeback_sender_share"),
        share(col("_from_rewards"), total).as("reward_funded_share"),
        coalesce(col("reciprocal_coins_7d"), lit(0L)).as("reciprocal_coins_7d"),
        coalesce(col("creators_gifted_7d"), lit(0L)).as("creators_gifted_7d"),
        coalesce(col("coins_from_creators_7d"), lit(0L)).as("coins_from_creators_7d"),
        coalesce(col("coins_to_creators_7d"), lit(0L)).as("coins_to_creators_7d"));
  }
}
