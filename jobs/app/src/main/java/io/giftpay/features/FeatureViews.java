package io.giftpay.features;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * The feature views detection rules and the anomaly model read, column by column. This list is
 * the one place a view's columns are named, typed and explained: the computation is checked
 * against it, rules are validated against it, and docs/detection.md is written from it.
 *
 * <p>Windows: "today" is the events accepted on night D (late ones included); "30d" is the 30
 * nights before D (D excluded) unless said otherwise. Coins are gifted coins; amounts are USD.
 */
public final class FeatureViews {
  public static final String SENDER = "sender_features";
  public static final String CREATOR = "creator_features";

  /** One column of a view. */
  public record Column(String name, String sqlType, String description) {}

  public static final List<Column> SENDER_COLUMNS =
      List.of(
          new Column("sender_id", "string", "the account (key); one row per account that gifted, recharged, was reversed or earned rewards on D"),
          new Column("is_creator", "boolean", "the account is a creator"),
          new Column("account_age_days", "int", "days from created_at to D"),
          new Column("age_years", "int", "age in whole years on D from birth_date; null when unknown"),
          new Column("account_country", "string", "accounts.country"),
          new Column("coins_today", "bigint", "coins gifted on D"),
          new Column("gifts_today", "bigint", "gift events on D"),
          new Column("creators_today", "bigint", "distinct creators gifted on D"),
          new Column("top_creator_share", "double", "share of coins_today given to the single most-gifted creator (0 when no gifts)"),
          new Column("night_share", "double", "share of coins_today gifted between 00:00 and 06:00 UTC"),
          new Column("foreign_ip_share", "double", "share of D's gifts and recharges whose ip_country differs from account_country"),
          new Column("baseline_coins_30d", "double", "mean coins gifted per active day over the 30 nights before D; null with no earlier activity"),
          new Column("active_days_30d", "int", "nights with gifts among the 30 before D"),
          new Column("spend_ratio", "double", "coins_today / baseline_coins_30d; null without a baseline"),
          new Column("recharges_today", "bigint", "recharges on D"),
          new Column("recharge_coins_today", "bigint", "coins bought on D"),
          new Column("recharge_usd_today", "decimal(20,2)", "money paid on D, in USD at D's rates (recharges in a currency without a rate count 0)"),
          new Column("max_recharges_10min", "bigint", "most recharges within any 10 minutes on D"),
          new Column("max_recharges_1h", "bigint", "most recharges within any hour on D"),
          new Column("small_recharges_today", "bigint", "recharges on D of 100 coins or fewer"),
          new Column("cards_today", "bigint", "distinct payment_fingerprints used on D"),
          new Column("devices_today", "bigint", "distinct device_ids used on D (gifts and recharges)"),
          new Column("new_cards_today", "bigint", "cards used on D and not in the 30 nights before"),
          new Column("new_devices_today", "bigint", "devices used on D and not in the 30 nights before"),
          new Column("max_accounts_per_card", "bigint", "largest number of accounts using one of this account's D cards, over D and the 30 nights before"),
          new Column("max_accounts_per_device", "bigint", "largest number of accounts using one of this account's D devices, over D and the 30 nights before"),
          new Column("reversals_today", "bigint", "reversals (refunds and chargebacks) of this account landing on D"),
          new Column("chargebacks_today", "bigint", "chargebacks landing on D"),
          new Column("chargebacks_30d", "bigint", "chargebacks over D and the 30 nights before"),
          new Column("reversed_coins_today", "bigint", "coins taken back by reversals landing on D"),
          new Column("reward_coins_today", "bigint", "reward coins earned on D"),
          new Column("reward_share", "double", "reward_coins_today / (reward + recharge coins on D); 0 when neither"),
          new Column("new_creator_max_coins", "bigint", "most coins given on D to one creator this account never gifted in the 30 nights before"),
          new Column("linked_to_creator_coins", "bigint", "coins gifted on D to creators who share a device or card with this account (over D and 30 nights)"));

  public static final List<Column> CREATOR_COLUMNS =
      List.of(
          new Column("creator_id", "string", "the creator (key); one row per creator gifted on D"),
          new Column("account_age_days", "int", "days from the creator's created_at to D"),
          new Column("diamonds_today", "bigint", "diamonds credited on D"),
          new Column("gifts_received_today", "bigint", "gift events received on D"),
          new Column("senders_today", "bigint", "distinct senders on D"),
          new Column("baseline_diamonds_30d", "double", "mean diamonds per active night over the 30 nights before D; null with no earlier gifts"),
          new Column("diamond_ratio", "double", "diamonds_today / baseline_diamonds_30d; null without a baseline"),
          new Column("top_gifter_share", "double", "share of diamonds_today from the single largest sender"),
          new Column("new_account_share", "double", "share of diamonds_today from senders whose account is under 7 days old"),
          new Column("minor_sender_share", "double", "share of diamonds_today from senders under 18 on D"),
          new Column("linked_sender_share", "double", "share of diamonds_today from senders sharing a device or card with the creator (over D and 30 nights)"),
          new Column("chargeback_sender_share", "double", "share of diamonds_today from senders with a chargeback over D and 30 nights"),
          new Column("reward_funded_share", "double", "share of diamonds_today from senders whose D coins were mostly rewards (reward_share >= 0.5)"),
          new Column("reciprocal_coins_7d", "bigint", "over D and the 6 nights before: sum over other creators X of min(coins this creator gave X, coins X gave this creator)"),
          new Column("creators_gifted_7d", "bigint", "distinct creators this creator gifted over D and the 6 nights before"),
          new Column("coins_from_creators_7d", "bigint", "coins this creator received from other creators over D and the 6 nights before"),
          new Column("coins_to_creators_7d", "bigint", "coins this creator gave to other creators over D and the 6 nights before"));

  public static final Map<String, List<Column>> VIEWS = Map.of(SENDER, SENDER_COLUMNS, CREATOR, CREATOR_COLUMNS);

  private FeatureViews() {}

  public static StructType schema(String view) {
    List<Column> columns = Optional.ofNullable(VIEWS.get(view))
        .orElseThrow(() -> new IllegalArgumentException("Invalid view: " + view));
    return StructType.fromDDL(String.join(", ", columns.stream().map(c -> "`" + c.name() + "` " + c.sqlType()).toList()));
  }

  /** The view's key column: the flagged account. */
  public static String key(String view) {
    return VIEWS.get(view).get(0).name();
  }
}
