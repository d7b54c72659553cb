package io.giftpay.privacy;

import java.util.Map;
import java.util.Optional;

/**
 * The ledger columns no published table may hold raw (contract section 5), and the name of what
 * stands in for each: a keyed hash ({@link IdentifierKey}) or an age band ({@link AgeBand}).
 */
public final class PersonalColumns {
  public static final String PAYMENT_FINGERPRINT = "payment_fingerprint";
  public static final String DEVICE_ID = "device_id";
  public static final String BIRTH_DATE = "birth_date";

  /** Raw column → the published column that replaces it. */
  public static final Map<String, String> REPLACEMENTS =
      Map.of(PAYMENT_FINGERPRINT, "card_key", DEVICE_ID, "device_key", BIRTH_DATE, "birth_band");

  private PersonalColumns() {}

  public static boolean isPersonal(String column) {
    return REPLACEMENTS.containsKey(column);
  }

  /** The published stand-in's name, if the column is personal. */
  public static Optional<String> replacement(String column) {
    return Optional.ofNullable(REPLACEMENTS.get(column));
  }
}
