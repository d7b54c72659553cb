package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.privacy.IdentifierKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class QuarantineRecordsSparkTest extends SparkTestBase {
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 1);
  private static final IdentifierKey KEY =
      new IdentifierKey(
          "thirty-two bytes of test secret!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  private static final String ACCOUNT_TEXT =
      "user_id string, created_at string, birth_date string, country string, is_creator string,"
          + " kyc_verified string, payout_currency string, payout_method string, agency_id string, _source_file string";
  private static final String RECHARGE_TEXT =
      "event_id string, event_time string, user_id string, package_id string, coins string,"
          + " amount string, currency string, channel string, payment_fingerprint string, device_id string, ip_country string, _source_file string";

  /**
   * user_id or event_id -> the quarantined row: reason, detail, published record, raw record,
   * account ids.
   */
  private static Map<String, Row> quarantined(
      LedgerTable table, Dataset<Row> text, Dataset<Row> accounts) {
    Dataset<Row> checked =
        new ValidateLedgerRows(table, NIGHT, Map.of(), accounts, false)
            .apply(new ParseContractColumns(table).apply(text));
    Map<String, Row> out = new TreeMap<>();
    for (Row row :
        checked
            .filter(col(ValidateLedgerRows.REASON).isNotNull())
            .select(
                col(table.keyColumn()).as("id"),
                col(ValidateLedgerRows.REASON).as("reason"),
                col(ValidateLedgerRows.DETAIL).as("detail"),
                QuarantineRecords.published(table, KEY, NIGHT).as("record"),
                ParseContractColumns.quarantineRecord(table).as("raw"),
                QuarantineRecords.accountIds(table).as("account_ids"))
            .collectAsList()) {
      out.put(row.getAs("id"), row);
    }
    return out;
  }

  @Test
  void aBirthDateIsPublishedAsItsAgeBandAndItsBadValueIsNeverQuoted() {
    Map<String, Row> rows =
        quarantined(
            LedgerTable.ACCOUNTS,
            rows(
                ACCOUNT_TEXT,
                row(
                    "u-birth-date-not-a-date",
                    "2025-01-01T00:00:00Z",
                    "1990-13-01",
                    "US",
                    "false",
                    "true",
                    null,
                    null,
                    null,
                    "a.csv"),
                row(
                    "u-valid-birth-date-missing-country",
                    "2025-01-01T00:00:00Z",
                    "1990-05-17",
                    null,
                    "false",
                    "true",
                    null,
                    null,
                    null,
                    "a.csv"),
                row(
                    "u-valid",
                    "2025-01-01T00:00:00Z",
                    "1990-05-17",
                    "US",
                    "false",
                    "true",
                    null,
                    null,
                    null,
                    "a.csv")),
            null);
    assertEquals(
        List.of("u-birth-date-not-a-date", "u-valid-birth-date-missing-country"),
        List.copyOf(rows.keySet()));

    Row bad = rows.get("u-birth-date-not-a-date");
    assertEquals("BAD_VALUE", bad.getAs("reason"));
    assertEquals(
        "birth_date is not a valid birth_date (the value is personal data: see the restricted quarantine)",
        bad.getAs("detail"));
    String record = bad.getAs("record");
    assertTrue(record.contains("\"birth_band\":\"invalid\""), record);
    assertFalse(record.contains("1990-13-01") || record.contains("birth_date"), record);
    assertTrue(
        record.contains("\"user_id\":\"u-birth-date-not-a-date\"")
            && record.contains("\"country\":\"US\""),
        "every other field: " + record);
    assertTrue(
        bad.<String>getAs("raw").contains("\"birth_date\":\"1990-13-01\""),
        "the restricted record keeps it");

    Row missing = rows.get("u-valid-birth-date-missing-country");
    assertEquals("missing country", missing.getAs("detail"));
    assertTrue(
        missing.<String>getAs("record").contains("\"birth_band\":\"35-44\""),
        missing.<String>getAs("record"));
    assertFalse(missing.<String>getAs("record").contains("1990-05-17"));
    assertEquals(
        List.of("u-valid-birth-date-missing-country"),
        missing.getList(missing.fieldIndex("account_ids")));
  }

  @Test
  void fingerprintsAndDeviceIdsArePublishedAsTheirKeysWhetherTheRowParsedOrNot() {
    Dataset<Row> accounts = rows("user_id string, is_creator boolean", row("viewer", false));
    Map<String, Row> rows =
        quarantined(
            LedgerTable.RECHARGES,
            rows(
                RECHARGE_TEXT,
                row(
                    "rc-missing-ip-country",
                    "2026-11-01T10:00:00Z",
                    "viewer",
                    null,
                    "65",
                    "0.99",
                    "USD",
                    "ios",
                    "pf-04b4d796a474bdb0",
                    "dv-e05fae8c7a7a18",
                    null,
                    "r.csv"),
                row(
                    "rc-unknown-account",
                    "2026-11-01T10:00:00Z",
                    "ghost",
                    null,
                    "65",
                    "0.99",
                    "USD",
                    "ios",
                    "pf-6505abcf439dac45",
                    "dv-3b427c8b0e1b9a",
                    "US",
                    "r.csv")),
            accounts);
    Row unparsed = rows.get("rc-missing-ip-country");
    String record = unparsed.getAs("record");
    assertTrue(
        record.contains("\"card_key\":\"" + KEY.shortKey("card-", "pf-04b4d796a474bdb0") + "\""),
        record);
    assertTrue(
        record.contains("\"device_key\":\"" + KEY.shortKey("dev-", "dv-e05fae8c7a7a18") + "\""),
        record);
    assertFalse(
        record.contains("pf-") || record.contains("dv-") || record.contains("payment_fingerprint"),
        record);
    assertTrue(unparsed.<String>getAs("raw").contains("pf-04b4d796a474bdb0"));

    Row parsed = rows.get("rc-unknown-account");
    assertEquals("UNKNOWN_ACCOUNT", parsed.getAs("reason"));
    String typed = parsed.getAs("record");
    assertTrue(
        typed.contains("\"card_key\":\"" + KEY.shortKey("card-", "pf-6505abcf439dac45") + "\""),
        typed);
    assertTrue(
        typed.contains("\"coins\":65"), "a row that parsed shows its typed values: " + typed);
    assertFalse(
        typed.contains("pf-6505abcf439dac45") || typed.contains("dv-3b427c8b0e1b9a"), typed);
    assertEquals(List.of("ghost"), parsed.getList(parsed.fieldIndex("account_ids")));
  }
}
