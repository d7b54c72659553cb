package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.giftpay.ledger.LedgerTable;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ValidateLedgerRowsSparkTest extends SparkTestBase {
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 1);
  private static final Map<String, Long> CATALOGUE = Map.of("rose", 1L, "dragon", 26999L);
  private static final String GIFT_TEXT =
      "event_id string, event_time string, sender_id string, creator_id string, live_id string, gift_id string,"
          + " quantity string, coins string, device_id string, ip_country string, _source_file string";

  private static Dataset<Row> accounts() {
    return rows(
        "user_id string, is_creator boolean",
        row("viewer", false),
        row("creator", true),
        row("other_viewer", false));
  }

  private static Object[] gift(
      String id,
      String time,
      String sender,
      String creator,
      String giftId,
      String quantity,
      String coins) {
    return row(id, time, sender, creator, "live", giftId, quantity, coins, "dev", "US", "g.csv");
  }

  /** event id -> reason (null when valid), for the given text rows. */
  private static Map<String, String> verdicts(Object[]... gifts) {
    Dataset<Row> parsed = new ParseContractColumns(LedgerTable.GIFTS).apply(rows(GIFT_TEXT, gifts));
    Dataset<Row> checked =
        new ValidateLedgerRows(LedgerTable.GIFTS, NIGHT, CATALOGUE, accounts(), true).apply(parsed);
    Map<String, String> out = new TreeMap<>();
    for (Row row : checked.collectAsList()) {
      out.put(
          row.getAs("event_id") == null ? "<null id>" : row.getAs("event_id"),
          row.getAs(ValidateLedgerRows.REASON));
    }
    return out;
  }

  @Test
  void everyReasonInTheContractsOrder() {
    Map<String, String> v =
        verdicts(
            gift("ok", "2026-11-01T23:59:59Z", "viewer", "creator", "dragon", "2", "53998"),
            gift("late", "2026-10-29T08:00:00Z", "viewer", "creator", "rose", "1", "1"),
            gift("missing", "2026-11-01T10:00:00Z", "viewer", "creator", null, "1", "1"),
            gift("bad", "2026-11-01T10:00:00Z", "viewer", "creator", "rose", "one", "1"),
            gift("future", "2026-11-02T00:00:00Z", "viewer", "creator", "rose", "1", "1"),
            gift("unknown_gift", "2026-11-01T10:00:00Z", "viewer", "creator", "tulip", "1", "1"),
            gift("quantity", "2026-11-01T10:00:00Z", "viewer", "creator", "rose", "10001", "10001"),
            gift("mismatch", "2026-11-01T10:00:00Z", "viewer", "creator", "dragon", "1", "27000"),
            gift("unknown_sender", "2026-11-01T10:00:00Z", "ghost", "creator", "rose", "1", "1"),
            gift("unknown_creator", "2026-11-01T10:00:00Z", "viewer", "ghost", "rose", "1", "1"),
            gift(
                "not_creator", "2026-11-01T10:00:00Z", "viewer", "other_viewer", "rose", "1", "1"));
    assertNull(v.get("ok"));
    assertNull(v.get("late"), "a late event is valid");
    assertEquals("MISSING_FIELD", v.get("missing"));
    assertEquals("BAD_VALUE", v.get("bad"));
    assertEquals("FUTURE_EVENT", v.get("future"), "midnight after D is already the future");
    assertEquals("UNKNOWN_GIFT", v.get("unknown_gift"));
    assertEquals("QUANTITY_OUT_OF_RANGE", v.get("quantity"));
    assertEquals("COINS_MISMATCH", v.get("mismatch"));
    assertEquals("UNKNOWN_ACCOUNT", v.get("unknown_sender"));
    assertEquals("UNKNOWN_ACCOUNT", v.get("unknown_creator"));
    assertEquals("NOT_A_CREATOR", v.get("not_creator"));
  }

  @Test
  void aRowBreakingSeveralChecksCountsUnderTheFirst() {
    Map<String, String> v =
        verdicts(
            gift(
                "future_and_unknown_gift",
                "2026-11-03T00:00:00Z",
                "ghost",
                "creator",
                "tulip",
                "0",
                "0"),
            gift(
                "mismatch_and_unknown_account",
                "2026-11-01T00:00:00Z",
                "ghost",
                "viewer",
                "rose",
                "2",
                "1"),
            gift("missing_and_bad", "not a time", null, "creator", "rose", "1", "1"));
    assertEquals("FUTURE_EVENT", v.get("future_and_unknown_gift"));
    assertEquals("COINS_MISMATCH", v.get("mismatch_and_unknown_account"));
    assertEquals("MISSING_FIELD", v.get("missing_and_bad"));
  }

  @Test
  void nonPositiveAmountsOfRecharges() {
    String text =
        "event_id string, event_time string, user_id string, package_id string, coins string, amount string,"
            + " currency string, channel string, payment_fingerprint string, device_id string, ip_country string, _source_file string";
    Dataset<Row> parsed =
        new ParseContractColumns(LedgerTable.RECHARGES)
            .apply(
                rows(
                    text,
                    row(
                        "zero_amount",
                        "2026-11-01T10:00:00Z",
                        "viewer",
                        null,
                        "65",
                        "0.00",
                        "USD",
                        "ios",
                        "f",
                        "d",
                        "US",
                        "r.csv"),
                    row(
                        "negative_coins",
                        "2026-11-01T10:00:00Z",
                        "viewer",
                        null,
                        "-5",
                        "1.00",
                        "USD",
                        "ios",
                        "f",
                        "d",
                        "US",
                        "r.csv"),
                    row(
                        "stranger",
                        "2026-11-01T10:00:00Z",
                        "ghost",
                        null,
                        "65",
                        "0.99",
                        "USD",
                        "ios",
                        "f",
                        "d",
                        "US",
                        "r.csv"),
                    row(
                        "fine",
                        "2026-11-01T10:00:00Z",
                        "viewer",
                        "p65",
                        "65",
                        "0.99",
                        "USD",
                        "ios",
                        "f",
                        "d",
                        "US",
                        "r.csv")));
    Map<String, String> v = new TreeMap<>();
    new ValidateLedgerRows(LedgerTable.RECHARGES, NIGHT, CATALOGUE, accounts(), false)
        .apply(parsed)
        .collectAsList()
        .forEach(r -> v.put(r.getAs("event_id"), r.getAs(ValidateLedgerRows.REASON)));
    assertEquals("NON_POSITIVE_AMOUNT", v.get("zero_amount"));
    assertEquals("NON_POSITIVE_AMOUNT", v.get("negative_coins"));
    assertEquals("UNKNOWN_ACCOUNT", v.get("stranger"));
    assertNull(v.get("fine"));
  }

  @Test
  void detailSaysWhatWasWrong() {
    Dataset<Row> parsed =
        new ParseContractColumns(LedgerTable.GIFTS)
            .apply(
                rows(
                    GIFT_TEXT,
                    gift("bad", "2026-11-01T10:00:00Z", "viewer", "creator", "rose", "abc", "1")));
    Row row =
        new ValidateLedgerRows(LedgerTable.GIFTS, NIGHT, CATALOGUE, accounts(), false)
            .apply(parsed)
            .first();
    assertEquals("quantity: 'abc' is not a valid quantity", row.getAs(ValidateLedgerRows.DETAIL));
  }
}
