package io.giftpay.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.giftpay.spark.SparkTestBase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeatureViewsSparkTest extends SparkTestBase {
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 10);
  private static final String GIFTS =
      "event_id string, event_time timestamp, sender_id string, creator_id string, live_id string,"
          + " gift_id string, quantity int, coins bigint, device_id string, ip_country string";
  private static final String RECHARGES =
      "event_id string, event_time timestamp, user_id string, package_id string, coins bigint,"
          + " amount decimal(18,2), currency string, channel string, payment_fingerprint string, device_id string, ip_country string";
  private static Map<String, Row> senders;
  private static Map<String, Row> creators;
  private static Map<String, Row> cards;
  private static Map<String, Row> devices;
  private static Map<String, Row> exposure;
  private static final byte[] SECRET =
      "a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII);

  private static Instant at(String time) {
    return Instant.parse("2026-11-10T" + time + "Z");
  }

  @BeforeAll
  static void computeViews() {
    Dataset<Row> gifts =
        rows(
            GIFTS,
            row("g1", at("02:00:00"), "viewer", "c_old", "l", "rose", 1, 100L, "d_viewer", "US"),
            row("g2", at("12:00:00"), "viewer", "c_new", "l", "crown", 1, 900L, "d_viewer", "BR"),
            row("g3", at("12:00:00"), "alt", "creator_a", "l", "crown", 1, 5000L, "d_shared", "US"),
            row(
                "g4",
                at("13:00:00"),
                "creator_a",
                "creator_b",
                "l",
                "crown",
                1,
                3000L,
                "d_a",
                "US"),
            row(
                "g5",
                at("13:00:00"),
                "creator_b",
                "creator_a",
                "l",
                "crown",
                1,
                2000L,
                "d_b",
                "US"));
    Dataset<Row> recharges =
        rows(
            RECHARGES,
            row(
                "r1",
                at("10:00:00"),
                "viewer",
                "p",
                65L,
                new BigDecimal("0.99"),
                "USD",
                "ios",
                "card1",
                "d_viewer",
                "US"),
            row(
                "r2",
                at("10:03:00"),
                "viewer",
                "p",
                65L,
                new BigDecimal("0.99"),
                "USD",
                "ios",
                "card2",
                "d_viewer",
                "US"),
            row(
                "r3",
                at("10:09:59"),
                "viewer",
                "p",
                65L,
                new BigDecimal("0.99"),
                "USD",
                "ios",
                "card3",
                "d_viewer",
                "US"),
            row(
                "r4",
                at("10:20:00"),
                "viewer",
                "p",
                65L,
                new BigDecimal("92.00"),
                "EUR",
                "ios",
                "card3",
                "d_viewer",
                "US"),
            row(
                "r5",
                at("11:00:00"),
                "creator_a",
                "p",
                65L,
                new BigDecimal("0.99"),
                "USD",
                "ios",
                "card_a",
                "d_shared",
                "US"));
    Dataset<Row> accounts =
        rows(
            "user_id string, created_at timestamp, birth_date date, country string, is_creator boolean",
            row(
                "viewer",
                Instant.parse("2026-01-01T00:00:00Z"),
                LocalDate.of(2009, 11, 11),
                "US",
                false),
            row(
                "alt",
                Instant.parse("2026-11-08T00:00:00Z"),
                LocalDate.of(1990, 1, 1),
                "US",
                false),
            row("c_old", Instant.parse("2025-01-01T00:00:00Z"), null, "US", true),
            row("c_new", Instant.parse("2025-01-01T00:00:00Z"), null, "US", true),
            row("creator_a", Instant.parse("2025-01-01T00:00:00Z"), null, "US", true),
            row("creator_b", Instant.parse("2025-01-01T00:00:00Z"), null, "US", true));
    Map<String, Dataset<Row>> prior =
        Map.of(
            DailySummaries.SENDER_DAY,
                rows("sender_id string, coins bigint", row("viewer", 40L), row("viewer", 60L)),
            DailySummaries.SENDER_CREATOR,
                rows(
                    "sender_id string, creator_id string, coins bigint",
                    row("viewer", "c_old", 50L),
                    row("creator_a", "creator_b", 4000L)),
            DailySummaries.ACCOUNT_CARD,
                rows(
                    "user_id string, payment_fingerprint string",
                    row("stranger", "card3"),
                    row("viewer", "card1")),
            DailySummaries.ACCOUNT_DEVICE,
                rows("user_id string, device_id string", row("viewer", "d_viewer")),
            DailySummaries.RECHARGE_INSTRUMENT,
                rows(
                    "event_id string, payment_fingerprint string, device_id string",
                    row("r_old", "card3", "d_viewer")),
            DailySummaries.INSTRUMENT_CHARGEBACKS,
                rows(
                    "payment_fingerprint string, device_id string, chargebacks bigint",
                    row("card3", "d_viewer", 1L)));
    FeatureInputs in =
        new FeatureInputs(
            NIGHT,
            1,
            gifts,
            recharges,
            rows(
                "event_id string, event_time timestamp, recharge_event_id string, user_id string, kind string, coins bigint, amount decimal(18,2), currency string",
                row(
                    "rv1",
                    at("20:00:00"),
                    "r5",
                    "creator_a",
                    "chargeback",
                    65L,
                    new BigDecimal("0.99"),
                    "USD"),
                row(
                    "rv2",
                    at("21:00:00"),
                    "r_old",
                    "viewer",
                    "refund",
                    65L,
                    new BigDecimal("0.99"),
                    "USD"),
                row(
                    "rv3",
                    at("22:00:00"),
                    "r_ancient",
                    "viewer",
                    "refund",
                    65L,
                    new BigDecimal("0.99"),
                    "USD")),
            rows(
                "event_id string, event_time timestamp, user_id string, campaign_id string, coins bigint"),
            accounts,
            rows(
                "currency string, units_per_usd decimal(18,8)",
                row("EUR", new BigDecimal("0.92000000"))),
            name ->
                prior.getOrDefault(
                    name, spark.createDataFrame(List.of(), DailySummaries.SCHEMAS.get(name))),
            name ->
                prior.getOrDefault(
                    name, spark.createDataFrame(List.of(), DailySummaries.SCHEMAS.get(name))),
            Map.of(),
            new io.giftpay.privacy.IdentifierKey(SECRET));
    in = in.withTonight(DailySummaries.of(in));
    Dataset<Row> links = new AccountLinks(in).apply(gifts);
    Dataset<Row> senderView = new SenderFeatures(in, links).apply(gifts);
    assertEquals(
        List.of(FeatureViews.schema(FeatureViews.SENDER).fieldNames()),
        List.of(senderView.schema().fieldNames()),
        "the computed view has exactly the documented columns");
    senders = new TreeMap<>();
    senderView.collectAsList().forEach(r -> senders.put(r.getAs("sender_id"), r));
    Dataset<Row> creatorView = new CreatorFeatures(in, senderView, links).apply(gifts);
    assertEquals(
        List.of(FeatureViews.schema(FeatureViews.CREATOR).fieldNames()),
        List.of(creatorView.schema().fieldNames()));
    creators = new TreeMap<>();
    creatorView.collectAsList().forEach(r -> creators.put(r.getAs("creator_id"), r));
    Dataset<Row> cardView = new CardFeatures(in).apply(recharges);
    assertEquals(
        List.of(FeatureViews.schema(FeatureViews.CARD).fieldNames()),
        List.of(cardView.schema().fieldNames()));
    cards = new TreeMap<>();
    cardView
        .collectAsList()
        .forEach(r -> cards.put(r.getAs("card_key") + "/" + r.getAs("account_id"), r));
    Dataset<Row> deviceView = new DeviceFeatures(in).apply(gifts);
    assertEquals(
        List.of(FeatureViews.schema(FeatureViews.DEVICE).fieldNames()),
        List.of(deviceView.schema().fieldNames()));
    devices = new TreeMap<>();
    deviceView
        .collectAsList()
        .forEach(r -> devices.put(r.getAs("device_key") + "/" + r.getAs("account_id"), r));
    Dataset<Row> week =
        in.tonight()
            .get(DailySummaries.SENDER_CREATOR)
            .union(prior.get(DailySummaries.SENDER_CREATOR));
    Dataset<Row> exposureView =
        new CreatorExposure(in, rows("sender_id string", row("viewer")), senderView, 5).apply(week);
    assertEquals(
        List.of(FeatureViews.schema(FeatureViews.EXPOSURE).fieldNames()),
        List.of(exposureView.schema().fieldNames()));
    exposure = new TreeMap<>();
    exposureView.collectAsList().forEach(r -> exposure.put(r.getAs("creator_id"), r));
  }

  @Test
  void creatorExposureToDistrustedAndUnknownSenders() {
    Row old = exposure.get("c_old");
    assertEquals(
        List.of(150L, 150L, 1L, 100L, 0L),
        List.of(
            old.<Long>getAs("diamonds_7d"),
            old.<Long>getAs("distrusted_diamonds_7d"),
            old.<Long>getAs("distrusted_senders_7d"),
            old.<Long>getAs("diamonds_today"),
            old.<Long>getAs("unknown_sender_diamonds_today")),
        "the distrusted viewer's 100 tonight and 50 earlier in the week; the viewer gifted before, so is known");
    assertEquals(1.0, old.<Double>getAs("distrusted_share_7d"), 1e-9);
    Row a = exposure.get("creator_a");
    assertEquals(
        7000L,
        (long) a.getAs("unknown_sender_diamonds_today"),
        "alt is two days old; creator_b never gifted before tonight");
    assertEquals(0L, (long) a.getAs("distrusted_diamonds_7d"));
    assertEquals(1.0, a.<Double>getAs("unknown_sender_share_today"), 1e-9);
    Row b = exposure.get("creator_b");
    assertEquals(
        List.of(7000L, 3000L),
        List.of(b.<Long>getAs("diamonds_7d"), b.<Long>getAs("diamonds_today")),
        "4000 earlier in the week");
    assertEquals(5, (int) b.getAs("history_nights_30d"));
    assertEquals(678, (int) old.getAs("account_age_days"));
  }

  @Test
  void senderSpendAgainstItsOwnBaseline() {
    Row viewer = senders.get("viewer");
    assertEquals(1000L, (long) viewer.getAs("coins_today"));
    assertEquals(50.0, viewer.<Double>getAs("baseline_coins_30d"), 1e-9);
    assertEquals(20.0, viewer.<Double>getAs("spend_ratio"), 1e-9);
    assertEquals(
        60L,
        (long) viewer.getAs("max_coins_30d"),
        "the larger of the two earlier nights, 40 and 60");
    assertEquals(
        0.1, viewer.<Double>getAs("night_share"), 1e-9, "100 of 1000 coins before 06:00 UTC");
    assertEquals(
        16, (int) viewer.getAs("age_years"), "born 2009-11-11: 16 on 2026-11-10, 17 the day after");
    assertNull(senders.get("alt").getAs("spend_ratio"), "no earlier activity, no baseline");
    assertNull(senders.get("alt").getAs("max_coins_30d"));
  }

  @Test
  void rechargeVelocityCardsAndNovelty() {
    Row viewer = senders.get("viewer");
    assertEquals(
        3L,
        (long) viewer.getAs("max_recharges_10min"),
        "10:00, 10:03 and 10:09:59 fall in one 10 minutes; 10:20 does not");
    assertEquals(4L, (long) viewer.getAs("max_recharges_1h"));
    assertEquals(3L, (long) viewer.getAs("cards_today"));
    assertEquals(2L, (long) viewer.getAs("new_cards_today"), "card1 was used before");
    assertEquals(0L, (long) viewer.getAs("new_devices_today"));
    assertEquals(2L, (long) viewer.getAs("max_accounts_per_card"), "card3 is also a stranger's");
    assertEquals(
        0,
        new BigDecimal("102.97").compareTo(viewer.getAs("recharge_usd_today")),
        "3 x 0.99 + 92 EUR at 0.92 (= 100 USD)");
    assertEquals(
        900L,
        (long) viewer.getAs("new_creator_max_coins"),
        "c_new was never gifted before; c_old was");
    assertEquals(
        1.0 / 6.0,
        viewer.<Double>getAs("foreign_ip_share"),
        1e-9,
        "1 of 2 gifts and 4 recharges from BR");
  }

  @Test
  void linkedAccountsAndCreatorShares() {
    assertEquals(
        5000L,
        (long) senders.get("alt").getAs("linked_to_creator_coins"),
        "alt gifted from creator_a's own device");
    Row a = creators.get("creator_a");
    assertEquals(7000L, (long) a.getAs("diamonds_today"));
    assertEquals(5000.0 / 7000.0, a.<Double>getAs("linked_sender_share"), 1e-9);
    assertEquals(
        5000.0 / 7000.0, a.<Double>getAs("new_account_share"), 1e-9, "alt is two days old");
    assertEquals(5000.0 / 7000.0, a.<Double>getAs("top_gifter_share"), 1e-9);
    assertEquals(
        2000L,
        (long) a.getAs("reciprocal_coins_7d"),
        "a gave b 3000 tonight + 4000 earlier, b gave a 2000: the smaller side");
  }

  /**
   * The published key of a raw identifier: its HMAC-SHA256, computed here by the JDK's Mac, not
   * Spark.
   */
  private static String key(String prefix, String raw) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
    byte[] digest = mac.doFinal(raw.getBytes(StandardCharsets.UTF_8));
    return prefix + HexFormat.of().formatHex(digest).substring(0, 16);
  }

  @Test
  void cardViewHasOneRowPerCardAndAccountUnderAHashedKey() throws Exception {
    assertEquals(
        5,
        cards.size(),
        "card1, card2 and card3 of viewer, card3 of the stranger, card_a of creator_a: "
            + cards.keySet());
    Row stranger = cards.get(key("card-", "card3") + "/stranger");
    assertEquals(
        false,
        stranger.getAs("used_today"),
        "the stranger used card3 on an earlier night only, and is still behind it");
    assertEquals(2L, (long) stranger.getAs("accounts_30d"));
    Row card3 = cards.get(key("card-", "card3") + "/viewer");
    assertEquals(true, card3.getAs("used_today"));
    assertEquals(1L, (long) card3.getAs("accounts_today"));
    assertEquals(2L, (long) card3.getAs("accounts_30d"), "a stranger used card3 before");
    assertEquals(2L, (long) card3.getAs("recharges_today"));
    assertEquals(
        1L,
        (long) card3.getAs("max_recharges_10min"),
        "10:09:59 and 10:20 are more than 10 minutes apart");
    assertEquals(
        0,
        new BigDecimal("100.99").compareTo(card3.getAs("recharge_usd_today")),
        "0.99 USD + 92 EUR at 0.92");
    assertEquals(
        1L,
        (long) card3.getAs("reversals_today"),
        "rv2 takes back r_old, a card3 recharge of an earlier night");
    assertEquals(0L, (long) card3.getAs("chargebacks_today"));
    assertEquals(
        1L, (long) card3.getAs("chargebacks_30d"), "one chargeback on card3 on an earlier night");
    Row cardA = cards.get(key("card-", "card_a") + "/creator_a");
    assertEquals(1L, (long) cardA.getAs("chargebacks_today"), "rv1 charges back r5");
    assertEquals(1L, (long) cardA.getAs("chargebacks_30d"), "tonight's counts in the 30 days");
  }

  @Test
  void deviceViewCountsEveryAccountBehindADevice() throws Exception {
    Row shared = devices.get(key("dev-", "d_shared") + "/alt");
    assertEquals(
        shared.<Long>getAs("accounts_today"),
        devices.get(key("dev-", "d_shared") + "/creator_a").<Long>getAs("accounts_today"));
    assertEquals(
        2L,
        (long) shared.getAs("accounts_today"),
        "alt gifted from it, creator_a recharged from it");
    assertEquals(5000L, (long) shared.getAs("coins_today"));
    assertEquals(
        1L,
        (long) shared.getAs("chargebacks_today"),
        "rv1 charges back r5, recharged from d_shared");
    Row viewer = devices.get(key("dev-", "d_viewer") + "/viewer");
    assertEquals(2L, (long) viewer.getAs("gifts_today"));
    assertEquals(4L, (long) viewer.getAs("recharges_today"));
    assertEquals(3L, (long) viewer.getAs("max_recharges_10min"));
    assertEquals(3L, (long) viewer.getAs("cards_today"));
    assertEquals(2L, (long) viewer.getAs("countries_today"), "US and BR");
    assertEquals(
        1L,
        (long) viewer.getAs("reversals_today"),
        "rv2 on r_old; rv3's recharge is older than the window: no device");
    assertEquals(1L, (long) viewer.getAs("accounts_30d"));
  }
}
