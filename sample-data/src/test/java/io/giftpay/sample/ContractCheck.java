package io.giftpay.sample;

import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test oracle: the contract's row checks (section 2), in order; returns the first failed reason or
 * null.
 */
final class ContractCheck {
  private final Map<String, Long> catalogue;

  /** snapshot dt → (user_id → is_creator). */
  private final TreeMap<String, Map<String, Boolean>> accounts = new TreeMap<>();

  ContractCheck(Path out, Map<String, Long> catalogue) throws IOException {
    this.catalogue = catalogue;
    for (Path p : LedgerFiles.partitions(out, "accounts")) {
      Map<String, Boolean> m = new HashMap<>();
      for (LedgerFiles.Row r : LedgerFiles.readPartition(p)) {
        m.put(r.get("user_id"), Boolean.parseBoolean(r.get("is_creator")));
      }
      accounts.put(p.getFileName().toString().substring(3), m);
    }
  }

  Map<String, Boolean> accountsAsOf(String dt) {
    return accounts.floorEntry(dt).getValue();
  }

  String reason(String table, LedgerFiles.Row row) {
    LedgerTable t = LedgerTable.valueOf(table.toUpperCase(java.util.Locale.ROOT));
    for (ContractColumn c : t.columns()) {
      if (!c.nullable() && row.get(c.name()) == null) {
        return "MISSING_FIELD";
      }
    }
    for (ContractColumn c : t.columns()) {
      String v = row.get(c.name());
      if (v == null) {
        continue;
      }
      try {
        switch (c.type()) {
          case TIMESTAMP -> Instant.parse(v);
          case INT -> Integer.parseInt(v);
          case LONG -> Long.parseLong(v);
          case DECIMAL_18_2, DECIMAL_18_8 -> new BigDecimal(v);
          default -> {}
        }
      } catch (RuntimeException e) {
        return "BAD_VALUE";
      }
    }
    Instant endOfDay =
        LocalDate.parse(row.dt()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (!Instant.parse(row.get("event_time")).isBefore(endOfDay)) {
      return "FUTURE_EVENT";
    }
    if (table.equals("gifts")) {
      Long unit = catalogue.get(row.get("gift_id"));
      if (unit == null) {
        return "UNKNOWN_GIFT";
      }
      int q = Integer.parseInt(row.get("quantity"));
      if (q < 1 || q > 10_000) {
        return "QUANTITY_OUT_OF_RANGE";
      }
      if (Long.parseLong(row.get("coins")) != q * unit) {
        return "COINS_MISMATCH";
      }
    }
    if (row.get("coins") != null && Long.parseLong(row.get("coins")) <= 0) {
      return "NON_POSITIVE_AMOUNT";
    }
    if (row.get("amount") != null && new BigDecimal(row.get("amount")).signum() <= 0) {
      return "NON_POSITIVE_AMOUNT";
    }
    Map<String, Boolean> acc = accountsAsOf(row.dt());
    for (String col : List.of("sender_id", "creator_id", "user_id")) {
      if (row.values().containsKey(col) && !acc.containsKey(row.get(col))) {
        return "UNKNOWN_ACCOUNT";
      }
    }
    if (table.equals("gifts") && !acc.get(row.get("creator_id"))) {
      return "NOT_A_CREATOR";
    }
    return null;
  }
}
