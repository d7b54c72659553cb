package io.giftpay.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.when;

import io.giftpay.ledger.LedgerLimits;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.ledger.RejectReason;
import io.giftpay.privacy.PersonalColumns;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Applies the contract's checks, in the contract's order, to parsed rows (the output of {@link
 * ParseContractColumns}) and adds {@link #REASON} (null for a valid row) and {@link #DETAIL}, a
 * plain sentence saying what was wrong. A row is counted under the first check it fails. Snapshot
 * tables get only the checks that apply to them (missing field, bad value).
 */
public final class ValidateLedgerRows implements Transform {
  public static final String REASON = "reject_reason";
  public static final String DETAIL = "reject_detail";

  private final LedgerTable table;
  private final LocalDate businessDate;
  private final Map<String, Long> giftCoins;
  private final Dataset<Row> accounts;
  private final boolean broadcastAccounts;

  /**
   * @param accounts the accounts snapshot as of D with at least {@code user_id, is_creator} (unused
   *     for snapshot tables)
   * @param giftCoins the catalogue, gift id to coins
   */
  public ValidateLedgerRows(
      LedgerTable table,
      LocalDate businessDate,
      Map<String, Long> giftCoins,
      Dataset<Row> accounts,
      boolean broadcastAccounts) {
    this.table = table;
    this.businessDate = businessDate;
    this.giftCoins = giftCoins;
    this.accounts = accounts;
    this.broadcastAccounts = broadcastAccounts;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> parsed) {
    Dataset<Row> rows = parsed;
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            RejectReason.MISSING_FIELD,
            col(ParseContractColumns.MISSING_COLUMN).isNotNull(),
            concat(lit("missing "), col(ParseContractColumns.MISSING_COLUMN))));
    checks.add(
        new Check(
            RejectReason.BAD_VALUE,
            col(ParseContractColumns.BAD_COLUMN).isNotNull(),
            // A personal column's value is never quoted: the detail is published (contract section
            // 5).
            when(
                    col(ParseContractColumns.BAD_COLUMN)
                        .isin(PersonalColumns.REPLACEMENTS.keySet().toArray()),
                    concat(
                        col(ParseContractColumns.BAD_COLUMN),
                        lit(" is not a valid "),
                        col(ParseContractColumns.BAD_COLUMN),
                        lit(" (the value is personal data: see the restricted quarantine)")))
                .otherwise(
                    concat(
                        col(ParseContractColumns.BAD_COLUMN),
                        lit(": '"),
                        col(ParseContractColumns.BAD_TEXT),
                        lit("' is not a valid "),
                        col(ParseContractColumns.BAD_COLUMN)))));
    if (!table.isEvent()) {
      return withVerdict(parsed, parsed, checks);
    }
    checks.add(
        new Check(
            RejectReason.FUTURE_EVENT,
            col("event_time").geq(lit(endOfDay())),
            concat(
                lit("event_time "),
                col("event_time").cast("string"),
                lit(" is not before the end of " + businessDate))));

    if (table == LedgerTable.GIFTS) {
      Column catalogueCoins = element_at(catalogueMap(), col("gift_id"));
      checks.add(
          new Check(
              RejectReason.UNKNOWN_GIFT,
              catalogueCoins.isNull(),
              concat(lit("gift_id '"), col("gift_id"), lit("' is not in the gift catalogue"))));
      checks.add(
          new Check(
              RejectReason.QUANTITY_OUT_OF_RANGE,
              col("quantity")
                  .lt(LedgerLimits.MIN_QUANTITY)
                  .or(col("quantity").gt(LedgerLimits.MAX_QUANTITY)),
              concat(
                  lit("quantity "),
                  col("quantity").cast("string"),
                  lit(" is outside 1 to 10000"))));
      checks.add(
          new Check(
              RejectReason.COINS_MISMATCH,
              col("coins").notEqual(col("quantity").cast("long").multiply(catalogueCoins)),
              concat(
                  lit("coins "),
                  col("coins").cast("string"),
                  lit(" is not quantity x "),
                  catalogueCoins.cast("string"))));
      rows = withAccount(rows, "sender_id", "_sender_");
      rows = withAccount(rows, "creator_id", "_creator_");
      checks.add(nonPositive("coins"));
      checks.add(
          new Check(
              RejectReason.UNKNOWN_ACCOUNT,
              col("_sender_user_id").isNull().or(col("_creator_user_id").isNull()),
              concat(
                  when(
                          col("_sender_user_id").isNull(),
                          concat(lit("sender_id '"), col("sender_id")))
                      .otherwise(concat(lit("creator_id '"), col("creator_id"))),
                  lit("' is not in the accounts snapshot"))));
      checks.add(
          new Check(
              RejectReason.NOT_A_CREATOR,
              col("_creator_is_creator").equalTo(false),
              concat(lit("creator_id '"), col("creator_id"), lit("' is not a creator"))));
    } else {
      checks.add(nonPositive("coins"));
      if (table == LedgerTable.RECHARGES || table == LedgerTable.REVERSALS) {
        checks.add(nonPositive("amount"));
      }
      rows = withAccount(rows, "user_id", "_user_");
      checks.add(
          new Check(
              RejectReason.UNKNOWN_ACCOUNT,
              col("_user_user_id").isNull(),
              concat(lit("user_id '"), col("user_id"), lit("' is not in the accounts snapshot"))));
    }

    return withVerdict(parsed, rows, checks);
  }

  private static Dataset<Row> withVerdict(
      Dataset<Row> parsed, Dataset<Row> rows, List<Check> checks) {
    Column reason = lit(null).cast(DataTypes.StringType);
    // Built from the last check to the first, so the first failing check wins.
    for (int i = checks.size() - 1; i >= 0; i--) {
      Check check = checks.get(i);
      reason = when(check.fails(), lit(check.reason().name())).otherwise(reason);
    }
    // The detail is chosen by the reason already found, so no check is evaluated twice.
    Column detail = lit(null).cast(DataTypes.StringType);
    for (Check check : checks) {
      detail = when(col(REASON).equalTo(check.reason().name()), check.detail()).otherwise(detail);
    }
    List<Column> withReason = new ArrayList<>();
    List<Column> output = new ArrayList<>();
    for (String name : rows.columns()) {
      withReason.add(col(name));
    }
    for (String name : parsed.columns()) {
      output.add(col(name));
    }
    withReason.add(reason.as(REASON));
    output.add(col(REASON));
    output.add(detail.as(DETAIL));
    return rows.select(withReason.toArray(Column[]::new)).select(output.toArray(Column[]::new));
  }

  private Dataset<Row> withAccount(Dataset<Row> rows, String idColumn, String prefix) {
    Dataset<Row> known =
        accounts.select(
            col("user_id").as(prefix + "user_id"), col("is_creator").as(prefix + "is_creator"));
    if (broadcastAccounts) {
      known = broadcast(known);
    }
    return rows.join(known, rows.col(idColumn).equalTo(known.col(prefix + "user_id")), "left");
  }

  private static Check nonPositive(String column) {
    return new Check(
        RejectReason.NON_POSITIVE_AMOUNT,
        col(column).leq(0),
        concat(lit(column + " "), col(column).cast("string"), lit(" is not positive")));
  }

  private java.time.Instant endOfDay() {
    return businessDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private Column catalogueMap() {
    List<Column> entries = new ArrayList<>();
    giftCoins.forEach(
        (gift, coins) -> {
          entries.add(lit(gift));
          entries.add(lit(coins));
        });
    return map(entries.toArray(Column[]::new));
  }

  private record Check(RejectReason reason, Column fails, Column detail) {}
}
