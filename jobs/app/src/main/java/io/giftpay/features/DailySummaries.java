package io.giftpay.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Small per-night summaries kept after each night so that baselines and "seen before" checks read
 * 30 small partitions instead of 30 nights of raw events: a night's feature cost follows its own
 * volume and the window, not the warehouse's age.
 */
public final class DailySummaries {
  /** sender_id, coins: coins gifted per sender per night. */
  public static final String SENDER_DAY = "sender_day";

  /** creator_id, diamonds: diamonds credited per creator per night. */
  public static final String CREATOR_DAY = "creator_day";

  /** sender_id, creator_id, coins: who gifted whom. */
  public static final String SENDER_CREATOR = "sender_creator";

  /** user_id, device_id: devices an account used (gifts and recharges). */
  public static final String ACCOUNT_DEVICE = "account_device";

  /** user_id, payment_fingerprint: cards an account used. */
  public static final String ACCOUNT_CARD = "account_card";

  /** user_id, chargebacks: chargebacks landing per account per night. */
  public static final String CHARGEBACKS = "chargebacks";

  /**
   * event_id, payment_fingerprint, device_id: each recharge's card and device, to place later
   * reversals.
   */
  public static final String RECHARGE_INSTRUMENT = "recharge_instrument";

  /**
   * payment_fingerprint, device_id, chargebacks: chargebacks landing per night, by the reversed
   * recharge's card and device.
   */
  public static final String INSTRUMENT_CHARGEBACKS = "instrument_chargebacks";

  public static final Map<String, StructType> SCHEMAS = new LinkedHashMap<>();

  static {
    SCHEMAS.put(SENDER_DAY, StructType.fromDDL("sender_id string, coins bigint"));
    SCHEMAS.put(CREATOR_DAY, StructType.fromDDL("creator_id string, diamonds bigint"));
    SCHEMAS.put(
        SENDER_CREATOR, StructType.fromDDL("sender_id string, creator_id string, coins bigint"));
    SCHEMAS.put(ACCOUNT_DEVICE, StructType.fromDDL("user_id string, device_id string"));
    SCHEMAS.put(ACCOUNT_CARD, StructType.fromDDL("user_id string, payment_fingerprint string"));
    SCHEMAS.put(CHARGEBACKS, StructType.fromDDL("user_id string, chargebacks bigint"));
    SCHEMAS.put(
        RECHARGE_INSTRUMENT,
        StructType.fromDDL("event_id string, payment_fingerprint string, device_id string"));
    SCHEMAS.put(
        INSTRUMENT_CHARGEBACKS,
        StructType.fromDDL("payment_fingerprint string, device_id string, chargebacks bigint"));
  }

  private DailySummaries() {}

  /** Tonight's summaries from tonight's accepted events. */
  public static Map<String, Dataset<Row>> of(FeatureInputs in) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(
        SENDER_CREATOR,
        in.gifts().groupBy("sender_id", "creator_id").agg(sum("coins").as("coins")));
    out.put(SENDER_DAY, in.gifts().groupBy("sender_id").agg(sum("coins").as("coins")));
    out.put(
        CREATOR_DAY,
        in.gifts()
            .groupBy("creator_id")
            .agg(sum(col("coins").multiply(lit(in.diamondsPerCoin()))).as("diamonds")));
    out.put(
        ACCOUNT_DEVICE,
        in.gifts()
            .select(col("sender_id").as("user_id"), col("device_id"))
            .union(in.recharges().select(col("user_id"), col("device_id")))
            .distinct());
    out.put(ACCOUNT_CARD, in.recharges().select("user_id", "payment_fingerprint").distinct());
    out.put(
        CHARGEBACKS,
        in.reversals()
            .groupBy("user_id")
            .agg(sum(when(col("kind").equalTo("chargeback"), 1L).otherwise(0L)).as("chargebacks"))
            .filter(col("chargebacks").gt(0)));
    Dataset<Row> instruments =
        in.recharges().select("event_id", "payment_fingerprint", "device_id");
    out.put(RECHARGE_INSTRUMENT, instruments);
    out.put(
        INSTRUMENT_CHARGEBACKS,
        ReversedRecharges.of(in, instruments)
            .filter(col("kind").equalTo("chargeback").and(col("payment_fingerprint").isNotNull()))
            .groupBy("payment_fingerprint", "device_id")
            .agg(count(lit(1)).as("chargebacks")));
    return out;
  }
}
