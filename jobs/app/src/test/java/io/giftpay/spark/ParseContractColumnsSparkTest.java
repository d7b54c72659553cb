package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.ledger.LedgerTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ParseContractColumnsSparkTest extends SparkTestBase {
  private static final String RECHARGE_TEXT =
      "event_id string, event_time string, user_id string, package_id string, coins string, amount string,"
          + " currency string, channel string, payment_fingerprint string, device_id string, ip_country string,"
          + " _source_file string";

  private static Row parseOne(Object[] values) {
    List<Row> out =
        new ParseContractColumns(LedgerTable.RECHARGES)
            .apply(rows(RECHARGE_TEXT, values))
            .collectAsList();
    assertEquals(1, out.size());
    return out.get(0);
  }

  @Test
  void parsesContractTextIntoTypedColumns() {
    Row row =
        parseOne(
            row(
                "r1",
                "2026-11-01T10:15:00+02:00",
                "u1",
                null,
                "65",
                "0.99",
                "USD",
                "ios",
                "fp",
                "d",
                "US",
                "a.csv"));
    assertEquals(Instant.parse("2026-11-01T08:15:00Z"), row.getAs("event_time"));
    assertEquals(65L, (long) row.getAs("coins"));
    assertEquals(new BigDecimal("0.99"), row.getAs("amount"));
    assertNull(row.getAs("package_id"), "package_id is nullable: a null is not missing");
    assertNull(row.getAs(ParseContractColumns.MISSING_COLUMN));
    assertNull(row.getAs(ParseContractColumns.BAD_COLUMN));
    assertNull(
        row.getAs(ParseContractColumns.RECORD),
        "a row that parses is described by its typed columns");
    assertEquals("a.csv", row.getAs(ParseContractColumns.SOURCE_FILE));
  }

  @Test
  void namesTheFirstMissingRequiredColumnInContractOrder() {
    Row row =
        parseOne(
            row(
                "r1",
                "2026-11-01T10:00:00Z",
                "",
                null,
                null,
                "0.99",
                "USD",
                "ios",
                "fp",
                "d",
                "US",
                "a.csv"));
    assertEquals(
        "user_id", row.getAs(ParseContractColumns.MISSING_COLUMN), "blank text counts as empty");
  }

  @Test
  void refusesValuesThatDoNotFitTheirType() {
    assertEquals(
        "coins",
        parseOne(
                row(
                    "r1",
                    "2026-11-01T10:00:00Z",
                    "u",
                    null,
                    "12.5",
                    "1",
                    "USD",
                    "web",
                    "f",
                    "d",
                    "US",
                    "f"))
            .getAs(ParseContractColumns.BAD_COLUMN));
    assertEquals(
        "amount",
        parseOne(
                row(
                    "r1",
                    "2026-11-01T10:00:00Z",
                    "u",
                    null,
                    "1",
                    "0.999",
                    "USD",
                    "web",
                    "f",
                    "d",
                    "US",
                    "f"))
            .getAs(ParseContractColumns.BAD_COLUMN),
        "three decimals do not fit decimal(18,2) and are not rounded away");
    Row noZone =
        parseOne(
            row(
                "r1",
                "2026-11-01T10:00:00",
                "u",
                null,
                "1",
                "1",
                "USD",
                "web",
                "f",
                "d",
                "US",
                "f"));
    assertEquals(
        "event_time",
        noZone.getAs(ParseContractColumns.BAD_COLUMN),
        "a timestamp needs Z or an offset");
    assertEquals("2026-11-01T10:00:00", noZone.getAs(ParseContractColumns.BAD_TEXT));
    assertTrue(
        noZone
            .<String>getAs(ParseContractColumns.RECORD)
            .contains("\"event_time\":\"2026-11-01T10:00:00\""),
        "a row that does not parse keeps its original text");
    assertEquals(
        "coins",
        parseOne(
                row(
                    "r1",
                    "2026-11-01T10:00:00Z",
                    "u",
                    null,
                    "99999999999999999999",
                    "1",
                    "USD",
                    "web",
                    "f",
                    "d",
                    "US",
                    "f"))
            .getAs(ParseContractColumns.BAD_COLUMN),
        "too large for a long");
  }

  @Test
  void acceptsTypedParquetColumnsAndReordersByName() {
    String typed =
        "amount decimal(18,2), coins bigint, event_id string, event_time timestamp, user_id string,"
            + " currency string, channel string, payment_fingerprint string, device_id string, ip_country string, _source_file string";
    Row row =
        new ParseContractColumns(LedgerTable.RECHARGES)
            .apply(
                rows(
                    typed,
                    row(
                        new BigDecimal("4.99"),
                        330L,
                        "r2",
                        Instant.parse("2026-11-01T00:00:00Z"),
                        "u",
                        "USD",
                        "android",
                        "f",
                        "d",
                        "BR",
                        "b.parquet")))
            .first();
    assertEquals(330L, (long) row.getAs("coins"));
    assertEquals("r2", row.getAs("event_id"));
    assertNull(
        row.getAs(ParseContractColumns.MISSING_COLUMN),
        "package_id absent from the file is fine: nullable");
    assertEquals(
        List.of(LedgerTable.RECHARGES.columns().get(0).name(), "event_time"),
        List.of(row.schema().fieldNames()).subList(0, 2),
        "contract column order");
  }

  @Test
  void parsesBooleansInAnyCaseAndDatesStrictly() {
    String accounts =
        "user_id string, created_at string, birth_date string, country string, is_creator string,"
            + " kyc_verified string, _source_file string";
    List<Row> out =
        new ParseContractColumns(LedgerTable.ACCOUNTS)
            .apply(
                rows(
                    accounts,
                    row("u1", "2025-01-01T00:00:00Z", "2008-02-29", "US", "TRUE", "False", "f"),
                    row("u2", "2025-01-01T00:00:00Z", "2008-02-30", "US", "yes", "false", "f")))
            .orderBy("user_id")
            .collectAsList();
    assertEquals(true, out.get(0).getAs("is_creator"));
    assertEquals(false, out.get(0).getAs("kyc_verified"));
    assertEquals(LocalDate.of(2008, 2, 29), out.get(0).getAs("birth_date"));
    assertEquals(
        "birth_date",
        out.get(1).getAs(ParseContractColumns.BAD_COLUMN),
        "30 February is not a date");
  }
}
