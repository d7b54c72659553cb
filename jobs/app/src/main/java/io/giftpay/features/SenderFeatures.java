package io.giftpay.features;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.giftpay.spark.Transform;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The {@code sender_features} view (columns in {@link FeatureViews#SENDER_COLUMNS}): one row per
 * account active on night D as a viewer. Input: tonight's accepted gifts; everything else from
 * {@link FeatureInputs}.
 */
public final class SenderFeatures implements Transform {
  private final FeatureInputs in;
  private final Dataset<Row> links;

  /**
   * @param links pairs of accounts sharing a device or card, from {@link AccountLinks}
   */
  public SenderFeatures(FeatureInputs in, Dataset<Row> links) {
    this.in = in;
    this.links = links;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> gifts) {
    Dataset<Row> accounts =
        in.accounts()
            .select(
                col("user_id").as("sender_id"),
                col("is_creator"),
                col("created_at"),
                col("birth_date"),
                col("country").as("account_country"));
    Dataset<Row> recharges = in.recharges().withColumnRenamed("user_id", "sender_id");
    Dataset<Row> active =
        gifts
            .select("sender_id")
            .union(recharges.select("sender_id"))
            .union(in.reversals().select(col("user_id").as("sender_id")))
            .union(in.rewards().select(col("user_id").as("sender_id")))
            .distinct();

    // One pass over tonight's (sender, creator) pairs gives every gift-side column: per pair first,
    // whether the pair is new in 30 nights and whether the two accounts share a device or card,
    // then per sender. (Each column its own aggregate and join cost a shuffle stage apiece.)
    Dataset<Row> seenPairs =
        in.prior30()
            .apply(DailySummaries.SENDER_CREATOR)
            .select(
                col("sender_id").as("_seen_sender"),
                col("creator_id").as("_seen_creator"),
                lit(true).as("_seen"))
            .distinct();
    Dataset<Row> tonightsPairs =
        gifts
            .join(accounts.select("sender_id", "account_country"), "sender_id")
            .groupBy("sender_id", "creator_id")
            .agg(
                sum("coins").as("coins"),
                count(lit(1)).as("gifts"),
                sum(when(hour(col("event_time")).lt(6), col("coins")).otherwise(0L))
                    .as("night_coins"),
                sum(when(col("ip_country").notEqual(col("account_country")), 1L).otherwise(0L))
                    .as("foreign_gifts"))
            .join(
                seenPairs,
                col("sender_id")
                    .equalTo(col("_seen_sender"))
                    .and(col("creator_id").equalTo(col("_seen_creator"))),
                "left");
    Dataset<Row> pairs = AccountLinks.markLinkedPairs(tonightsPairs, links);
    Dataset<Row> giftStats =
        pairs
            .groupBy("sender_id")
            .agg(
                sum("coins").as("coins_today"),
                sum("gifts").as("gifts_today"),
                count(col("creator_id")).as("creators_today"),
                sum("night_coins").as("night_coins"),
                sum("foreign_gifts").as("foreign_gifts"),
                max("coins").as("top_creator_coins"),
                max(when(col("_seen").isNull(), col("coins"))).as("new_creator_max_coins"),
                sum(when(col("_linked"), col("coins"))).as("linked_to_creator_coins"));

    Dataset<Row> rechargeStats =
        rechargeStats(recharges.join(accounts.select("sender_id", "account_country"), "sender_id"));
    Dataset<Row> deviceStats =
        instrumentStats(
            DailySummaries.ACCOUNT_DEVICE,
            "device_id",
            "devices_today",
            "new_devices_today",
            "max_accounts_per_device");
    Dataset<Row> cardStats =
        instrumentStats(
            DailySummaries.ACCOUNT_CARD,
            "payment_fingerprint",
            "cards_today",
            "new_cards_today",
            "max_accounts_per_card");

    Dataset<Row> reversalStats =
        in.reversals()
            .groupBy(col("user_id").as("sender_id"))
            .agg(
                count(lit(1)).as("reversals_today"),
                sum(when(col("kind").equalTo("chargeback"), 1L).otherwise(0L))
                    .as("chargebacks_today"),
                sum("coins").as("reversed_coins_today"));
    Dataset<Row> chargebacks30 =
        in.prior30()
            .apply(DailySummaries.CHARGEBACKS)
            .groupBy(col("user_id").as("sender_id"))
            .agg(sum("chargebacks").as("chargebacks_before"));
    Dataset<Row> rewardStats =
        in.rewards()
            .groupBy(col("user_id").as("sender_id"))
            .agg(sum("coins").as("reward_coins_today"));
    Dataset<Row> baseline =
        in.prior30()
            .apply(DailySummaries.SENDER_DAY)
            .groupBy("sender_id")
            .agg(
                avg(col("coins").cast("double")).as("baseline_coins_30d"),
                count(lit(1)).cast("int").as("active_days_30d"),
                max("coins").as("max_coins_30d"));
    Dataset<Row> all = active.join(accounts, "sender_id");
    for (Dataset<Row> part :
        List.of(
            giftStats,
            rechargeStats,
            deviceStats,
            cardStats,
            reversalStats,
            chargebacks30,
            rewardStats,
            baseline)) {
      all = all.join(part, "sender_id", "left");
    }
    Column coins = coalesce(col("coins_today"), lit(0L));
    Column rechargeCoins = coalesce(col("recharge_coins_today"), lit(0L));
    Column rewardCoins = coalesce(col("reward_coins_today"), lit(0L));
    Column activity =
        coalesce(col("gifts_today"), lit(0L)).plus(coalesce(col("recharges_today"), lit(0L)));
    return all.select(
        col("sender_id"),
        col("is_creator"),
        datediff(lit(in.night()), to_date(col("created_at"))).as("account_age_days"),
        floor(months_between(lit(in.night()), col("birth_date")).divide(12))
            .cast("int")
            .as("age_years"),
        col("account_country"),
        coins.as("coins_today"),
        coalesce(col("gifts_today"), lit(0L)).as("gifts_today"),
        coalesce(col("creators_today"), lit(0L)).as("creators_today"),
        share(col("top_creator_coins"), coins).as("top_creator_share"),
        share(col("night_coins"), coins).as("night_share"),
        share(
                coalesce(col("foreign_gifts"), lit(0L))
                    .plus(coalesce(col("foreign_recharges"), lit(0L))),
                activity)
            .as("foreign_ip_share"),
        col("baseline_coins_30d"),
        coalesce(col("active_days_30d"), lit(0)).as("active_days_30d"),
        when(col("baseline_coins_30d").gt(0), coins.divide(col("baseline_coins_30d")))
            .as("spend_ratio"),
        col("max_coins_30d"),
        coalesce(col("recharges_today"), lit(0L)).as("recharges_today"),
        rechargeCoins.as("recharge_coins_today"),
        coalesce(col("recharge_usd_today"), lit(0).cast("decimal(20,2)"))
            .cast("decimal(20,2)")
            .as("recharge_usd_today"),
        coalesce(col("max_recharges_10min"), lit(0L)).as("max_recharges_10min"),
        coalesce(col("max_recharges_1h"), lit(0L)).as("max_recharges_1h"),
        coalesce(col("small_recharges_today"), lit(0L)).as("small_recharges_today"),
        coalesce(col("cards_today"), lit(0L)).as("cards_today"),
        coalesce(col("devices_today"), lit(0L)).as("devices_today"),
        coalesce(col("new_cards_today"), lit(0L)).as("new_cards_today"),
        coalesce(col("new_devices_today"), lit(0L)).as("new_devices_today"),
        coalesce(col("max_accounts_per_card"), lit(0L)).as("max_accounts_per_card"),
        coalesce(col("max_accounts_per_device"), lit(0L)).as("max_accounts_per_device"),
        coalesce(col("reversals_today"), lit(0L)).as("reversals_today"),
        coalesce(col("chargebacks_today"), lit(0L)).as("chargebacks_today"),
        coalesce(col("chargebacks_today"), lit(0L))
            .plus(coalesce(col("chargebacks_before"), lit(0L)))
            .as("chargebacks_30d"),
        coalesce(col("reversed_coins_today"), lit(0L)).as("reversed_coins_today"),
        rewardCoins.as("reward_coins_today"),
        share(rewardCoins, rewardCoins.plus(rechargeCoins)).as("reward_share"),
        coalesce(col("new_creator_max_coins"), lit(0L)).as("new_creator_max_coins"),
        coalesce(col("linked_to_creator_coins"), lit(0L)).as("linked_to_creator_coins"));
  }

  private Dataset<Row> rechargeStats(Dataset<Row> recharges) {
    Column seconds = col("event_time").cast("long");
    WindowSpec byTime = Window.partitionBy("sender_id").orderBy(seconds);
    Column amountUsd = col(RechargeUsd.COLUMN);
    return RechargeUsd.withUsd(recharges, in.fxRates())
        .withColumn("_in_10min", count(lit(1)).over(byTime.rangeBetween(-599, 0)))
        .withColumn("_in_1h", count(lit(1)).over(byTime.rangeBetween(-3599, 0)))
        .groupBy("sender_id")
        .agg(
            count(lit(1)).as("recharges_today"),
            sum("coins").as("recharge_coins_today"),
            sum(amountUsd).cast("decimal(20,2)").as("recharge_usd_today"),
            max("_in_10min").as("max_recharges_10min"),
            max("_in_1h").as("max_recharges_1h"),
            sum(when(col("coins").leq(100), 1L).otherwise(0L)).as("small_recharges_today"),
            sum(when(col("ip_country").notEqual(col("account_country")), 1L).otherwise(0L))
                .as("foreign_recharges"));
  }

  /**
   * Per account, over its (account, thing) pairs tonight, in one aggregate: how many things it used
   * ({@code usedName}), how many were not seen in the 30 nights before ({@code newName}), and the
   * most accounts any of them had over the window ({@code sharingName}).
   */
  private Dataset<Row> instrumentStats(
      String summary, String thing, String usedName, String newName, String sharingName) {
    Dataset<Row> before =
        in.prior30()
            .apply(summary)
            .select(
                col("user_id").as("_seen_user"),
                col(thing).as("_seen_thing"),
                lit(true).as("_seen"))
            .distinct();
    Dataset<Row> accountsPerThing = new InstrumentWindow(in, summary, thing).accounts30();
    return in.tonight()
        .get(summary)
        // Left: a row without a thing counts as new, as a left-anti join against the window would.
        .join(accountsPerThing, thing, "left")
        .join(
            before,
            col("user_id").equalTo(col("_seen_user")).and(col(thing).equalTo(col("_seen_thing"))),
            "left")
        .groupBy(col("user_id").as("sender_id"))
        .agg(
            count(col(thing)).as(usedName),
            count(when(col("_seen").isNull(), lit(1))).as(newName),
            max("accounts_30d").as(sharingName));
  }

  /** part / whole as a double in [0, 1]; 0 when the whole is 0 or missing. */
  static Column share(Column part, Column whole) {
    return when(whole.gt(0), coalesce(part, lit(0L)).cast("double").divide(whole.cast("double")))
        .otherwise(lit(0.0));
  }
}
