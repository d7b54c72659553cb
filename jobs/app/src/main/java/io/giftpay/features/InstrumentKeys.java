package io.giftpay.features;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.unhex;

import io.giftpay.privacy.IdentifierKey;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The keys published instead of the raw payment fingerprint or device id: a prefix and the first 16
 * hex digits of the value's HMAC-SHA256 under the warehouse's {@link IdentifierKey}. Stable across
 * nights (the same card always has the same key, so a reviewer can follow it), and keyed, so nobody
 * without the key can hash a known fingerprint and find it in a published table. Computed with
 * Spark's built-in functions (no UDF), equal to {@link IdentifierKey#shortKey}.
 */
public final class InstrumentKeys {
  public static final String CARD_PREFIX = "card-";
  public static final String DEVICE_PREFIX = "dev-";

  private InstrumentKeys() {}

  public static Column card(IdentifierKey key, Column paymentFingerprint) {
    return concat(lit(CARD_PREFIX), substring(hmacSha256Hex(key, paymentFingerprint), 1, 16));
  }

  public static Column device(IdentifierKey key, Column deviceId) {
    return concat(lit(DEVICE_PREFIX), substring(hmacSha256Hex(key, deviceId), 1, 16));
  }

  /**
   * HMAC-SHA256 as 64 hex digits: SHA256(opadKey || SHA256(ipadKey || UTF-8 bytes)); null for null.
   */
  static Column hmacSha256Hex(IdentifierKey key, Column value) {
    Column inner =
        sha2(concat(unhex(lit(key.innerPadHex())), value.cast(DataTypes.BinaryType)), 256);
    return sha2(concat(unhex(lit(key.outerPadHex())), unhex(inner)), 256);
  }
}
