package io.giftpay.features;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Column;

/**
 * The keys the card and device views publish instead of the raw payment fingerprint or device id:
 * a prefix and the first 16 hex digits of the value's SHA-256. Stable across nights (the same card
 * always has the same key, so a reviewer can follow it), but the raw identifier never leaves the
 * warehouse's internals through a flag's evidence.
 */
public final class InstrumentKeys {
  public static final String CARD_PREFIX = "card-";
  public static final String DEVICE_PREFIX = "dev-";

  private InstrumentKeys() {}

  static Column card(Column paymentFingerprint) {
    return key(CARD_PREFIX, paymentFingerprint);
  }

  static Column device(Column deviceId) {
    return key(DEVICE_PREFIX, deviceId);
  }

  private static Column key(String prefix, Column raw) {
    return concat(lit(prefix), substring(sha2(raw, 256), 1, 16));
  }
}
