package io.giftpay.features;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * The feature views detection rules and the anomaly model read, column by column. This list is the
 * one place a view's columns are named, typed and explained: the computation is checked against it,
 * rules are validated against it, and docs/detection.md is written from it.
 *
 * <p>Windows: "today" is the events accepted on night D (late ones included); "30d" is the 30
 * nights before D (D excluded) unless said otherwise. Coins are gifted coins; amounts are USD.
 */
public final class FeatureViews {
  public static final String SENDER = "sender_features";
  public static final String CREATOR = "creator_features";
  public static final String CARD = "card_features";
  public static final String DEVICE = "device_features";

  /**
   * Computed after tonight's other rules: a creator's exposure to distrusted and unknown senders.
   */
  public static final String EXPOSURE = "creator_exposure";

  /** One column of a view. */
  public record Column(String name, String sqlType, String description) {}

  public static final List<Column> SENDER_COLUMNS =
      List.of(
          new Column(
              "sender_id",
              "string",
              "the account (key); one row per account that gifted, recharged, was reversed or earned rewards on D"),
          new Column("is_creator", "boolean", "the account is a creator"),
          new Column("account_age_days", "int", "days from created_at to D"),
          new Column(
              "age_years", "int", "age in whole years on D from birth_date; null when unknown"),
          new Column("account_country", "string", "accounts.country"),
          new Column("coins_today", "bigint", "coins gifted on D"),
          new Column("gifts_today", "bigint", "gift events on D"),
          new Column("creators_today", "bigint", "distinct creators gifted on D"),
          new Column(
              "top_creator_share",
              "double",
              "share of coins_today given to the single most-gifted creator (0 when no gifts)"),
          new Column(
              "night_share", "double", "share of coins_today gifted between 00:00 and 06:00 UTC"),
          new Column(
              "foreign_ip_share",
              "double",
              "share of D's gifts and recharges whose ip_country differs from account_country"),
          new Column(
              "baseline_coins_30d",
              "double",
              "mean coins gifted per active day over the 30 nights before D; null with no earlier activity"),
          new Column("active_days_30d", "int", "nights with gifts among the 30 before D"),
          new Column(
              "spend_ratio", "double", "coins_today / baseline_coins_30d; null without a baseline"),
          new Column(
              "max_coins_30d",
              "bigint",
              "most coins gifted on any one night of the 30 before D (the account's own peak); null with no earlier activity"),
          new Column("recharges_today", "bigint", "recharges on D"),
          new Column("recharge_coins_today", "bigint", "coins bought on D"),
          new Column(
              "recharge_usd_today",
              "decimal(20,2)",
              "money paid on D, in USD at D's rates (recharges in a currency without a rate count 0)"),
          new Column("max_recharges_10min", "bigint", "most recharges within any 10 minutes on D"),
          new Column("max_recharges_1h", "bigint", "most recharges within any hour on D"),
          new Column("small_recharges_today", "bigint", "recharges on D of 100 coins or fewer"),
          new Column("cards_today", "bigint", "distinct payment_fingerprints used on D"),
          new Column(
              "devices_today", "bigint", "distinct device_ids used on D (gifts and recharges)"),
          new Column(
              "new_cards_today", "bigint", "cards used on D and not in the 30 nights before"),
          new Column(
              "new_devices_today", "bigint", "devices used on D and not in the 30 nights before"),
          new Column(
              "max_accounts_per_card",
              "bigint",
              "largest number of accounts using one of this account's D cards, over D and the 30 nights before"),
          new Column(
              "max_accounts_per_device",
              "bigint",
              "largest number of accounts using one of this account's D devices, over D and the 30 nights before"),
          new Column(
              "reversals_today",
              "bigint",
              "reversals (refunds and chargebacks) of this account landing on D"),
          new Column("chargebacks_today", "bigint", "chargebacks landing on D"),
          new Column("chargebacks_30d", "bigint", "chargebacks over D and the 30 nights before"),
          new Column(
              "reversed_coins_today", "bigint", "coins taken back by reversals landing on D"),
          new Column("reward_coins_today", "bigint", "reward coins earned on D"),
          new Column(
              "reward_share",
              "double",
              "reward_coins_today / (reward + recharge coins on D); 0 when neither"),
          new Column(
              "new_creator_max_coins",
              "bigint",
              "most coins given on D to one creator this account never gifted in the 30 nights before"),
          new Column(
              "linked_to_creator_coins",
              "bigint",
              "coins gifted on D to creators who share a device or card with this account (over D and 30 nights)"));

  public static final List<Column> CREATOR_COLUMNS =
      List.of(
          new Column("creator_id", "string", "the creator (key); one row per creator gifted on D"),
          new Column("account_age_days", "int", "days from the creator's created_at to D"),
          new Column("diamonds_today", "bigint", "diamonds credited on D"),
          new Column("gifts_received_today", "bigint", "gift events received on D"),
          new Column("senders_today", "bigint", "distinct senders on D"),
          new Column(
              "baseline_diamonds_30d",
              "double",
              "mean diamonds per active night over the 30 nights before D; null with no earlier gifts"),
          new Column(
              "diamond_ratio",
              "double",
              "diamonds_today / baseline_diamonds_30d; null without a baseline"),
          new Column(
              "top_gifter_share",
              "double",
              "share of diamonds_today from the single largest sender"),
          new Column(
              "new_account_share",
              "double",
              "share of diamonds_today from senders whose account is under 7 days old"),
          new Column(
              "minor_sender_share", "double", "share of diamonds_today from senders under 18 on D"),
          new Column(
              "linked_sender_share",
              "double",
              "share of diamonds_today from senders sharing a device or card with the creator (over D and 30 nights)"),
          new Column(
              "chargeback_sender_share",
              "double",
              "share of diamonds_today from senders with a chargeback over D and 30 nights"),
          new Column(
              "reward_funded_share",
              "double",
              "share of diamonds_today from senders whose D coins were mostly rewards (reward_share >= 0.5)"),
          new Column(
              "reciprocal_coins_7d",
              "bigint",
              "over D and the 6 nights before: sum over other creators X of min(coins this creator gave X, coins X gave this creator)"),
          new Column(
              "creators_gifted_7d",
              "bigint",
              "distinct creators this creator gifted over D and the 6 nights before"),
          new Column(
              "coins_from_creators_7d",
              "bigint",
              "coins this creator received from other creators over D and the 6 nights before"),
          new Column(
              "coins_to_creators_7d",
              "bigint",
              "coins this creator gave to other creators over D and the 6 nights before"));

  public static final List<Column> CARD_COLUMNS =
      List.of(
          new Column(
              "card_key",
              "string",
              "the card: `card-` and 16 hex digits of the HMAC-SHA256 of its payment_fingerprint under the warehouse's identifier key (the raw fingerprint is never published)"),
          new Column(
              "account_id",
              "string",
              "an account that recharged with the card over D and the 30 nights before (the flagged account); one row per card used on D and each such account"),
          new Column("used_today", "boolean", "this account recharged with the card on D"),
          new Column(
              "accounts_today", "bigint", "distinct accounts that recharged with the card on D"),
          new Column(
              "accounts_30d",
              "bigint",
              "distinct accounts that recharged with the card over D and the 30 nights before"),
          new Column(
              "recharges_today", "bigint", "recharges paid with the card on D, all accounts"),
          new Column(
              "recharge_usd_today",
              "decimal(20,2)",
              "money paid with the card on D, in USD at D's rates"),
          new Column(
              "max_recharges_10min",
              "bigint",
              "most recharges with the card within any 10 minutes on D, all accounts"),
          new Column(
              "small_recharges_today",
              "bigint",
              "recharges with the card on D of 100 coins or fewer"),
          new Column(
              "countries_today", "bigint", "distinct IP countries of the card's recharges on D"),
          new Column(
              "reversals_today",
              "bigint",
              "reversals landing on D of recharges paid with the card (recharges of D and the 30 nights before)"),
          new Column("chargebacks_today", "bigint", "of those, chargebacks"),
          new Column(
              "chargebacks_30d",
              "bigint",
              "chargebacks on the card landing over D and the 30 nights before"));

  public static final List<Column> DEVICE_COLUMNS =
      List.of(
          new Column(
              "device_key",
              "string",
              "the device: `dev-` and 16 hex digits of the HMAC-SHA256 of its device_id under the warehouse's identifier key (the raw id is never published)"),
          new Column(
              "account_id",
              "string",
              "an account that gifted or recharged from the device over D and the 30 nights before (the flagged account); one row per device used on D and each such account"),
          new Column(
              "used_today", "boolean", "this account gifted or recharged from the device on D"),
          new Column(
              "accounts_today",
              "bigint",
              "distinct accounts that gifted or recharged from the device on D"),
          new Column(
              "accounts_30d",
              "bigint",
              "distinct accounts that gifted or recharged from the device over D and the 30 nights before"),
          new Column("gifts_today", "bigint", "gift events sent from the device on D"),
          new Column("coins_today", "bigint", "coins gifted from the device on D"),
          new Column("recharges_today", "bigint", "recharges made from the device on D"),
          new Column(
              "max_recharges_10min",
              "bigint",
              "most recharges from the device within any 10 minutes on D"),
          new Column(
              "cards_today", "bigint", "distinct cards used for recharges from the device on D"),
          new Column(
              "countries_today",
              "bigint",
              "distinct IP countries of the device's gifts and recharges on D"),
          new Column(
              "reversals_today",
              "bigint",
              "reversals landing on D of recharges made from the device (recharges of D and the 30 nights before)"),
          new Column("chargebacks_today", "bigint", "of those, chargebacks"));

  public static final List<Column> EXPOSURE_COLUMNS =
      List.of(
          new Column(
              "creator_id",
              "string",
              "the creator (key); one row per creator gifted over D and the 6 nights before"),
          new Column("account_age_days", "int", "days from the creator's created_at to D"),
          new Column(
              "diamonds_today", "bigint", "diamonds credited on D (0 when not gifted tonight)"),
          new Column("senders_today", "bigint", "distinct senders on D"),
          new Column("diamonds_7d", "bigint", "diamonds credited over D and the 6 nights before"),
          new Column(
              "distrusted_senders_7d",
              "bigint",
              "senders of the week who are distrusted tonight: under a hold carried from earlier nights, flagged tonight by a fraud rule that holds (care rules and the model do not count), or with a chargeback over D and the 30 nights before"),
          new Column("distrusted_diamonds_7d", "bigint", "diamonds of the week from those senders"),
          new Column("distrusted_share_7d", "double", "distrusted_diamonds_7d / diamonds_7d"),
          new Column(
              "unknown_sender_diamonds_today",
              "bigint",
              "diamonds on D from senders nobody knows: accounts under 7 days old, or with no gifts in the 30 nights before D (long dormant, or new to this warehouse)"),
          new Column(
              "unknown_sender_share_today",
              "double",
              "unknown_sender_diamonds_today / diamonds_today (0 when not gifted tonight)"),
          new Column(
              "history_nights_30d",
              "int",
              "completed nights of this warehouse among the 30 before D: with few, every sender looks unknown"));

  /** Every view, in the order the docs list them. */
  public static final Map<String, List<Column>> VIEWS = orderedViews();

  private static Map<String, List<Column>> orderedViews() {
    Map<String, List<Column>> views = new java.util.LinkedHashMap<>();
    views.put(SENDER, SENDER_COLUMNS);
    views.put(CREATOR, CREATOR_COLUMNS);
    views.put(CARD, CARD_COLUMNS);
    views.put(DEVICE, DEVICE_COLUMNS);
    views.put(EXPOSURE, EXPOSURE_COLUMNS);
    return java.util.Collections.unmodifiableMap(views);
  }

  private FeatureViews() {}

  public static StructType schema(String view) {
    List<Column> columns =
        Optional.ofNullable(VIEWS.get(view))
            .orElseThrow(() -> new IllegalArgumentException("Invalid view: " + view));
    return StructType.fromDDL(
        String.join(", ", columns.stream().map(c -> "`" + c.name() + "` " + c.sqlType()).toList()));
  }

  /** The view's column holding the account a rule over it flags. */
  public static String key(String view) {
    return hasOneRowPerAccount(view) ? VIEWS.get(view).get(0).name() : "account_id";
  }

  /**
   * Whether the view has one row per account (sender and creator views); the card and device views
   * have one row per card or device and account, so a rule over them can hit an account twice.
   */
  public static boolean hasOneRowPerAccount(String view) {
    return view.equals(SENDER) || view.equals(CREATOR) || view.equals(EXPOSURE);
  }

  /**
   * The views a rule of this role may read: a sender rule reads the sender, card or device view.
   */
  public static List<String> viewsFor(String role) {
    return role.equals("creator") ? List.of(CREATOR, EXPOSURE) : List.of(SENDER, CARD, DEVICE);
  }
}
