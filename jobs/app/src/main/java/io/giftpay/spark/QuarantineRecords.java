package io.giftpay.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.giftpay.features.InstrumentKeys;
import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.privacy.AgeBand;
import io.giftpay.privacy.IdentifierKey;
import io.giftpay.privacy.PersonalColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * What a quarantined row (output of {@link ValidateLedgerRows} with a reason) shows where. The
 * published quarantine's record has every contract column, but a payment fingerprint or device id
 * only as its card or device key ({@link InstrumentKeys}, the same keys flags' evidence shows) and
 * a birth date only as its age band on the night ({@link AgeBand}); the restricted quarantine keeps
 * the original fields ({@link ParseContractColumns#quarantineRecord}).
 */
public final class QuarantineRecords {
  /** The columns naming an account, whichever the table has. */
  private static final List<String> ACCOUNT_COLUMNS = List.of("user_id", "sender_id", "creator_id");

  private QuarantineRecords() {}

  /**
   * The published record as JSON: the contract columns' text when the row did not parse, else their
   * typed values; {@code card_key}, {@code device_key} and {@code birth_band} in place of the
   * personal columns.
   */
  public static Column published(LedgerTable table, IdentifierKey key, LocalDate night) {
    UserDefinedFunction band =
        udf((UDF1<String, String>) birth -> AgeBand.ofText(birth, night), DataTypes.StringType);
    List<Column> fromText = new ArrayList<>();
    List<Column> fromTyped = new ArrayList<>();
    for (ContractColumn column : table.columns()) {
      Column text = col(ParseContractColumns.TEXTS).getField(column.name());
      Column typed = col(column.name());
      fromText.add(safe(column.name(), text, key, band));
      fromTyped.add(safe(column.name(), typed, key, band));
    }
    Map<String, String> options = Map.of("ignoreNullFields", "false");
    return when(
            col(ParseContractColumns.TEXTS).isNotNull(),
            to_json(struct(fromText.toArray(Column[]::new)), options))
        .otherwise(to_json(struct(fromTyped.toArray(Column[]::new)), options));
  }

  private static Column safe(
      String name, Column value, IdentifierKey key, UserDefinedFunction band) {
    return switch (name) {
      case PersonalColumns.PAYMENT_FINGERPRINT ->
          InstrumentKeys.card(key, value).as(PersonalColumns.REPLACEMENTS.get(name));
      case PersonalColumns.DEVICE_ID ->
          InstrumentKeys.device(key, value).as(PersonalColumns.REPLACEMENTS.get(name));
      case PersonalColumns.BIRTH_DATE ->
          band.apply(value.cast(DataTypes.StringType)).as(PersonalColumns.REPLACEMENTS.get(name));
      default -> value.as(name);
    };
  }

  /**
   * The accounts the row names (user_id, sender_id, creator_id, whichever are set), for look-ups by
   * account.
   */
  public static Column accountIds(LedgerTable table) {
    Set<String> names = new java.util.HashSet<>();
    table.columns().forEach(c -> names.add(c.name()));
    Column[] ids =
        ACCOUNT_COLUMNS.stream().filter(names::contains).map(n -> col(n)).toArray(Column[]::new);
    if (ids.length == 0) {
      return array().cast("array<string>");
    }
    return filter(array(ids), Column::isNotNull);
  }
}
