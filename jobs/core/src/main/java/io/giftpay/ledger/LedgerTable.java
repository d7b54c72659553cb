package io.giftpay.ledger;

import static io.giftpay.ledger.ColumnType.BOOLEAN;
import static io.giftpay.ledger.ColumnType.DATE;
import static io.giftpay.ledger.ColumnType.DECIMAL_18_2;
import static io.giftpay.ledger.ColumnType.DECIMAL_18_8;
import static io.giftpay.ledger.ColumnType.INT;
import static io.giftpay.ledger.ColumnType.LONG;
import static io.giftpay.ledger.ColumnType.STRING;
import static io.giftpay.ledger.ColumnType.TIMESTAMP;
import static io.giftpay.ledger.ContractColumn.nullable;
import static io.giftpay.ledger.ContractColumn.required;

import java.util.Arrays;
import java.util.List;

/**
 * The ledger's tables, their kind and columns, exactly as the ledger contract (version 1, section
 * 2) defines them. Event tables are read for {@code dt=D}; snapshot tables as the newest {@code dt}
 * at or before D.
 */
public enum LedgerTable {
  GIFTS(
      "gifts",
      Kind.EVENT,
      List.of(
          required("event_id", STRING),
          required("event_time", TIMESTAMP),
          required("sender_id", STRING),
          required("creator_id", STRING),
          required("live_id", STRING),
          required("gift_id", STRING),
          required("quantity", INT),
          required("coins", LONG),
          required("device_id", STRING),
          required("ip_country", STRING))),
  RECHARGES(
      "recharges",
      Kind.EVENT,
      List.of(
          required("event_id", STRING),
          required("event_time", TIMESTAMP),
          required("user_id", STRING),
          nullable("package_id", STRING),
          required("coins", LONG),
          required("amount", DECIMAL_18_2),
          required("currency", STRING),
          required("channel", STRING),
          required("payment_fingerprint", STRING),
          required("device_id", STRING),
          required("ip_country", STRING))),
  REVERSALS(
      "reversals",
      Kind.EVENT,
      List.of(
          required("event_id", STRING),
          required("event_time", TIMESTAMP),
          required("recharge_event_id", STRING),
          required("user_id", STRING),
          required("kind", STRING),
          required("coins", LONG),
          required("amount", DECIMAL_18_2),
          required("currency", STRING))),
  REWARDS(
      "rewards",
      Kind.EVENT,
      List.of(
          required("event_id", STRING),
          required("event_time", TIMESTAMP),
          required("user_id", STRING),
          required("campaign_id", STRING),
          required("coins", LONG))),
  ACCOUNTS(
      "accounts",
      Kind.SNAPSHOT,
      List.of(
          required("user_id", STRING),
          required("created_at", TIMESTAMP),
          nullable("birth_date", DATE),
          required("country", STRING),
          required("is_creator", BOOLEAN),
          required("kyc_verified", BOOLEAN),
          nullable("payout_currency", STRING),
          nullable("payout_method", STRING),
          nullable("agency_id", STRING))),
  FX_RATES(
      "fx_rates",
      Kind.SNAPSHOT,
      List.of(required("currency", STRING), required("units_per_usd", DECIMAL_18_8)));

  /** How a table lands: one partition of new events a day, or a full copy when it changes. */
  public enum Kind {
    EVENT,
    SNAPSHOT
  }

  private final String tableName;
  private final Kind kind;
  private final List<ContractColumn> columns;

  LedgerTable(String tableName, Kind kind, List<ContractColumn> columns) {
    this.tableName = tableName;
    this.kind = kind;
    this.columns = columns;
  }

  /** The folder name under the ledger root, e.g. {@code gifts}. */
  public String tableName() {
    return tableName;
  }

  public Kind kind() {
    return kind;
  }

  public List<ContractColumn> columns() {
    return columns;
  }

  /** The column that identifies a row: event_id for events, the snapshot's own key otherwise. */
  public String keyColumn() {
    return switch (this) {
      case ACCOUNTS -> "user_id";
      case FX_RATES -> "currency";
      default -> "event_id";
    };
  }

  public boolean isEvent() {
    return kind == Kind.EVENT;
  }

  public static List<LedgerTable> eventTables() {
    return Arrays.stream(values()).filter(LedgerTable::isEvent).toList();
  }
}
