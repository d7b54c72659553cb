package io.giftpay.warehouse;

import io.giftpay.ledger.RejectReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every table Giftpay publishes under {@code <warehouse>/<table>/dt=D/}, column by column. This
 * list is the one place a published table is named, typed, ordered and explained: the night steps
 * write their tables in its column and sort order, {@code giftpay sql} registers a view per table
 * from it, and docs/tables.md is generated from it ({@link TablesDoc}).
 *
 * <p>{@link #ALL} is the publication order: smallest first, payouts last, so a half-published night
 * shows no money.
 */
public final class PublishedTables {
  /** The hive partition column every table is read with: the night, {@code dt=YYYY-MM-DD}. */
  public static final String PARTITION_COLUMN = "dt";

  /**
   * One column. {@code nullable} is the column's repetition in the Parquet footer: optional (true)
   * or required. Spark writes it from the night's plan, so today many columns that never hold a
   * null are still optional; a reader (Spark, DuckDB) sees every column as nullable.
   */
  public record Column(String name, DataType type, boolean nullable, String description) {
    /** The Spark SQL type as written in DDL and the docs, e.g. {@code decimal(18,2)}. */
    public String sqlType() {
      return type.catalogString();
    }
  }

  /**
   * One published table: what a row is, its columns in file order, and the order its rows are
   * written in.
   */
  public record PublishedTable(
      String name, String oneRowPer, List<Column> columns, List<String> sortOrder) {
    public PublishedTable {
      columns = List.copyOf(columns);
      sortOrder = List.copyOf(sortOrder);
      for (String sortColumn : sortOrder) {
        if (columns.stream().noneMatch(c -> c.name().equals(sortColumn))) {
          throw new IllegalArgumentException(
              "Invalid sort column of " + name + ": '" + sortColumn + "' (not one of its columns)");
        }
      }
    }

    /** The schema exactly as published: names, types and the footer's optional/required. */
    public StructType schema() {
      StructType schema = new StructType();
      for (Column c : columns) {
        schema = schema.add(c.name(), c.type(), c.nullable());
      }
      return schema;
    }

    /** The schema a reader gets from the files: Spark's file readers make every column nullable. */
    public StructType readSchema() {
      return schema().asNullable();
    }

    /**
     * The read schema plus the {@code dt} partition column: what a view over the whole table shows.
     */
    public StructType viewSchema() {
      return readSchema().add(PARTITION_COLUMN, DataTypes.DateType, true);
    }

    public List<String> columnNames() {
      return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
  }

  private static final String BUSINESS_DATE = "business_date";
  private static final DataType MONEY_4 = DataTypes.createDecimalType(22, 4);
  private static final DataType CENTS = DataTypes.createDecimalType(18, 2);

  public static final PublishedTable NIGHT_COUNTS =
      new PublishedTable(
          WarehouseLayout.NIGHT_COUNTS,
          "ledger table read on D",
          nightCountsColumns(),
          List.of("source_table"));

  public static final PublishedTable QUARANTINE =
      new PublishedTable(
          WarehouseLayout.QUARANTINE,
          "rejected input row",
          List.of(
              required(
                  "source_table",
                  DataTypes.StringType,
                  "the ledger table the row came from (`gifts`, `recharges`, `reversals`, `rewards`, `accounts`, `fx_rates`)"),
              nullable(
                  "source_file",
                  DataTypes.StringType,
                  "the file below the ledger root, e.g. `gifts/dt=2026-11-01/part-1.csv`"),
              nullable(
                  "event_id",
                  DataTypes.StringType,
                  "the row's event_id (null for snapshot rows, or when it is missing)"),
              nullable(
                  "reason",
                  DataTypes.StringType,
                  "the contract's code: `MISSING_FIELD`, `BAD_VALUE`, `FUTURE_EVENT`, `UNKNOWN_GIFT`, `QUANTITY_OUT_OF_RANGE`, `COINS_MISMATCH`, `NON_POSITIVE_AMOUNT`, `UNKNOWN_ACCOUNT`, `NOT_A_CREATOR` (the first check the row fails)"),
              nullable(
                  "detail",
                  DataTypes.StringType,
                  "what was wrong, e.g. `quantity: 'abc' is not a valid quantity`; a payment fingerprint, device id or birth date is never quoted"),
              nullable(
                  "record",
                  DataTypes.StringType,
                  "the row's contract fields as JSON (the original text when the row did not parse, else the typed values), with `card_key`, `device_key` and `birth_band` in place of `payment_fingerprint`, `device_id` and `birth_date`; the raw rows are kept apart, owner-only (README, Privacy)"),
              businessDate(
                  "D, the night that read the row; snapshot rows are checked on the night their snapshot lands")),
          List.of("source_table", "source_file", "record"));

  public static final PublishedTable FLAGS =
      new PublishedTable(
          WarehouseLayout.FLAGS,
          "account × source flagged on D",
          List.of(
              nullable("account_id", DataTypes.StringType, "the flagged account"),
              required("role", DataTypes.StringType, "`sender` or `creator`"),
              required(
                  "source",
                  DataTypes.StringType,
                  "`<rule id>@v<version>` or `isolation-forest@<model version>`"),
              required(
                  "severity",
                  DataTypes.StringType,
                  "`low`, `medium`, `high` or `critical` (the rule's, or the model's)"),
              required("action", DataTypes.StringType, "`review` or `hold`"),
              nullable("score", DataTypes.DoubleType, "the model's anomaly score; null for rules"),
              nullable(
                  "evidence",
                  DataTypes.StringType,
                  "JSON frozen at flag time: the rule and the feature values, or the model version, score and the features that set the account apart with their percentiles. Cards and devices appear only as `card_key` / `device_key` (a prefix and 16 hex digits of the identifier's HMAC-SHA256 under the warehouse's secret key), never raw"),
              businessDate("D")),
          List.of("account_id", "role", "source"));

  public static final PublishedTable HOLDS =
      new PublishedTable(
          WarehouseLayout.HOLDS,
          "hold placed or carried on D",
          List.of(
              nullable(
                  "hold_id",
                  DataTypes.StringType,
                  "`hold-` + 32 hex of SHA-256 of the night, creator, sender and source"),
              nullable("creator_id", DataTypes.StringType, "the creator whose diamonds are held"),
              nullable(
                  "sender_id",
                  DataTypes.StringType,
                  "the sender whose gifts are held; null for a hold on the creator"),
              nullable("diamonds", DataTypes.LongType, "diamonds held tonight"),
              nullable(
                  "source", DataTypes.StringType, "the rules that placed the hold, or `reversal`"),
              required(
                  "state",
                  DataTypes.StringType,
                  "`held`: a hold stays open until a reviewer decides"),
              businessDate("D")),
          List.of("creator_id", "sender_id", "source"));

  public static final PublishedTable REVIEWS =
      new PublishedTable(
          "reviews",
          "review decision applied on D",
          List.of(
              required(
                  "review_id",
                  DataTypes.StringType,
                  "`rv-` + 24 hex of SHA-256 of the case and the night it was applied"),
              required("case_id", DataTypes.StringType, "the review case it decides"),
              required("account_id", DataTypes.StringType, "the reviewed account"),
              required("role", DataTypes.StringType, "`sender` or `creator`"),
              required("kind", DataTypes.StringType, "`fraud` or `care`"),
              required("decision", DataTypes.StringType, "`cleared`, `confirmed` or `limit`"),
              required("reviewer", DataTypes.StringType, "who decided"),
              nullable(
                  "second_reviewer",
                  DataTypes.StringType,
                  "who confirmed the decision, when a second reviewer is needed; null otherwise"),
              required("reason", DataTypes.StringType, "the reviewer's reason"),
              required("decided_at", DataTypes.TimestampType, "when the decision was made (UTC)"),
              required("applied_on", DataTypes.DateType, "the night the decision was applied"),
              required(
                  "diamonds_released",
                  DataTypes.LongType,
                  "held diamonds released to the creator's available balance"),
              required(
                  "diamonds_forfeited", DataTypes.LongType, "held diamonds forfeited, never paid"),
              required("usd_released", MONEY_4, "`diamonds_released × diamond_value_usd`"),
              required("usd_forfeited", MONEY_4, "`diamonds_forfeited × diamond_value_usd`"),
              nullable(
                  "daily_limit_usd",
                  CENTS,
                  "the daily spending limit set by a `limit` decision; null otherwise"),
              required(
                  "flags_answered",
                  DataTypes.StringType,
                  "the sources of the flags and holds the decision answers (rule@version, the model, `reversal`), comma-separated"),
              businessDate("D")),
          List.of("account_id", "review_id"));

  public static final PublishedTable SPENDING_LIMITS =
      new PublishedTable(
          "spending_limits",
          "account with a daily spending limit in force after night D",
          List.of(
              required("account_id", DataTypes.StringType, "the limited account"),
              required("daily_limit_usd", CENTS, "most USD the account may spend per day"),
              required("reviewer", DataTypes.StringType, "who set the limit"),
              required("reason", DataTypes.StringType, "the reviewer's reason"),
              required("decided_at", DataTypes.TimestampType, "when the limit was decided (UTC)"),
              required("effective_from", DataTypes.DateType, "the first day the limit applies"),
              businessDate("D")),
          List.of("account_id"));

  public static final PublishedTable CREATOR_INCOME =
      new PublishedTable(
          "creator_income",
          "creator credited in the last 30 nights",
          List.of(
              required("creator_id", DataTypes.StringType, "the creator"),
              required("usd_today", MONEY_4, "USD value of the diamonds credited on D"),
              required(
                  "usd_30d", MONEY_4, "USD value of the diamonds credited over the last 30 nights"),
              required(
                  "gifters_30d",
                  DataTypes.LongType,
                  "distinct senders who gifted the creator over the last 30 nights"),
              required(
                  "top_gifter_share",
                  DataTypes.DoubleType,
                  "share of the 30-night diamonds from the single largest gifter (0..1)"),
              required(
                  "top5_share",
                  DataTypes.DoubleType,
                  "share of the 30-night diamonds from the five largest gifters (0..1)"),
              required(
                  "concentration",
                  DataTypes.DoubleType,
                  "Herfindahl index over the gifters' shares of the 30-night diamonds (0..1; 1 is a single gifter)"),
              required(
                  "band",
                  DataTypes.StringType,
                  "`low`, `medium` or `high`, the first that applies: `low` below USD 10 over 30 nights; `high` when top_gifter_share ≥ 0.5 or concentration ≥ 0.25; `medium` when top5_share ≥ 0.8 or concentration ≥ 0.10; else `low` (io.giftpay.income.DependencyBand)"),
              businessDate("D")),
          List.of("creator_id"));

  public static final PublishedTable CREATOR_BALANCES =
      new PublishedTable(
          WarehouseLayout.CREATOR_BALANCES,
          "creator with any balance or activity, after night D",
          List.of(
              nullable("creator_id", DataTypes.StringType, "the creator"),
              businessDate("D"),
              nullable("credited_diamonds", DataTypes.LongType, "all diamonds ever credited"),
              nullable(
                  "pending_diamonds",
                  DataTypes.LongType,
                  "credited but not cleared yet (policy v2: payable from the credit night + `clearing_nights`), not held; always 0 under v1"),
              nullable(
                  "available_diamonds",
                  DataTypes.LongType,
                  "cleared, carried to the next night, not held"),
              nullable("held_diamonds", DataTypes.LongType, "held by fraud detection until review"),
              nullable("paid_diamonds", DataTypes.LongType, "all diamonds ever paid"),
              nullable("forfeited_diamonds", DataTypes.LongType, "confirmed fraud, never paid"),
              nullable(
                  "status",
                  DataTypes.StringType,
                  "`PAID`, or why not: `ON_HOLD`, `KYC_MISSING`, `AGE_UNKNOWN`, `UNDERAGE`, `PAYOUT_DETAILS_MISSING`, `NO_FX_RATE`, `NEGATIVE_BALANCE`, `BELOW_MINIMUM` (first that applies, in this order)"),
              nullable("credited_today_diamonds", DataTypes.LongType, "diamonds credited on D"),
              nullable("gifts_today", DataTypes.LongType, "gifts received on D"),
              nullable("paid_today_diamonds", DataTypes.LongType, "diamonds paid on D"),
              nullable("available_usd", MONEY_4, "`available_diamonds × diamond_value_usd`")),
          List.of("creator_id"));

  public static final PublishedTable PAYOUTS =
      new PublishedTable(
          WarehouseLayout.PAYOUTS,
          "creator paid on D",
          List.of(
              nullable(
                  "payout_id",
                  DataTypes.StringType,
                  "`po-` + 32 hex of SHA-256 of creator and date: the same creator and night always give the same id"),
              nullable("creator_id", DataTypes.StringType, "the creator paid"),
              businessDate("D"),
              nullable(
                  "diamonds",
                  DataTypes.LongType,
                  "diamonds paid (exactly `amount_usd / diamond_value_usd`)"),
              nullable("amount_usd", CENTS, "whole cents, at most `daily_cap_usd`"),
              nullable("currency", DataTypes.StringType, "the creator's `payout_currency`"),
              nullable(
                  "amount",
                  DataTypes.createDecimalType(20, 3),
                  "`amount_usd × fx_rate`, HALF_EVEN to the currency's ISO 4217 minor units (0 for JPY/KRW, 3 for KWD/BHD)"),
              nullable(
                  "fx_rate", DataTypes.createDecimalType(18, 8), "units per USD used (1 for USD)"),
              nullable("payout_method", DataTypes.StringType, "`bank` or `paypal`"),
              nullable("capped", DataTypes.BooleanType, "the daily cap reduced the payout"),
              required("policy_version", DataTypes.IntegerType, "payout policy version")),
          List.of("creator_id"));

  /** Every published table, in publication order (payouts last). */
  public static final List<PublishedTable> ALL =
      List.of(
          NIGHT_COUNTS,
          QUARANTINE,
          FLAGS,
          HOLDS,
          REVIEWS,
          SPENDING_LIMITS,
          CREATOR_INCOME,
          CREATOR_BALANCES,
          PAYOUTS);

  /**
   * What the contract forbids in every published table (section 5); the doc states it and a test
   * checks no column is named so.
   */
  public static final String PRIVACY_RULE =
      "No published table holds a raw `payment_fingerprint`, `device_id` or `birth_date`: keyed hashes and age bands stand in for them.";

  private PublishedTables() {}

  /** Table names in publication order. */
  public static List<String> names() {
    return ALL.stream().map(PublishedTable::name).toList();
  }

  public static Optional<PublishedTable> find(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public static PublishedTable get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Invalid table: '" + name + "' (not one of " + names() + ")"));
  }

  private static List<Column> nightCountsColumns() {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                required(
                    "source_table",
                    DataTypes.StringType,
                    "the ledger table read (`gifts`, `recharges`, `reversals`, `rewards`, `accounts`, `fx_rates`)"),
                required(
                    "rows_read",
                    DataTypes.LongType,
                    "rows in the files read on D (the partition's, and files that landed late in earlier ones: `late_rows`), from Parquet footers' row counts and CSV records, counted apart from validation; `rows_read = accepted + duplicates + quarantined`"),
                required("accepted", DataTypes.LongType, "rows accepted"),
                required(
                    "duplicates",
                    DataTypes.LongType,
                    "rows whose key was already accepted (tonight or on an earlier night)"),
                required("quarantined", DataTypes.LongType, "rows sent to `quarantine`")));
    for (RejectReason reason : RejectReason.values()) {
      columns.add(
          required(
              reason.name().toLowerCase(Locale.ROOT),
              DataTypes.LongType,
              "rows quarantined as `" + reason.name() + "`"));
    }
    columns.add(
        required(
            "late_rows",
            DataTypes.LongType,
            "rows of `rows_read` from files that landed in an earlier night's partition after that night ran, read on D as late events (0 for snapshots)"));
    return columns;
  }

  private static Column required(String name, DataType type, String description) {
    return new Column(name, type, false, description);
  }

  private static Column nullable(String name, DataType type, String description) {
    return new Column(name, type, true, description);
  }

  private static Column businessDate(String description) {
    return required(BUSINESS_DATE, DataTypes.DateType, description);
  }
}
