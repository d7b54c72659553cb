package io.giftpay.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What became of one ledger table's rows on one night. {@code rowsRead} is the rows in the
 * partition's files, counted from the files apart from validation (Parquet footers, CSV records);
 * every one of them is accounted for exactly once: {@code rowsRead = accepted + duplicates +
 * quarantined}. A row validation lost, or made twice, breaks that.
 */
public record TableCounts(
    String table,
    long rowsRead,
    long accepted,
    long duplicates,
    Map<RejectReason, Long> quarantinedByReason) {

  public TableCounts {
    EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
    copy.putAll(quarantinedByReason);
    quarantinedByReason = Collections.unmodifiableMap(copy);
  }

  public long quarantined() {
    return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The rows the night says what became of: accepted + duplicates + quarantined. */
  public long accounted() {
    return accepted + duplicates + quarantined();
  }

  /** False if a row was lost or counted twice between the source files and the night's outcome. */
  public boolean reconciles() {
    return rowsRead == accounted() && rowsRead >= 0 && accepted >= 0 && duplicates >= 0;
  }

  public static TableCounts empty(String table) {
    return new TableCounts(table, 0, 0, 0, Map.of());
  }
}
