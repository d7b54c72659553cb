package io.giftpay.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What became of one ledger table's rows on one night. Every row read is accounted for exactly
 * once: {@code rowsRead = accepted + duplicates + quarantined}.
 */
public record TableCounts(
    String table, long rowsRead, long accepted, long duplicates, Map<RejectReason, Long> quarantinedByReason) {

  public TableCounts {
    EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
    copy.putAll(quarantinedByReason);
    quarantinedByReason = Collections.unmodifiableMap(copy);
  }

  public long quarantined() {
    return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean reconciles() {
    return rowsRead == accepted + duplicates + quarantined()
        && rowsRead >= 0 && accepted >= 0 && duplicates >= 0;
  }

  /** Throws if the counts do not reconcile: a row was lost or counted twice. */
  public TableCounts requireReconciled() {
    if (!reconciles()) {
      throw new IllegalStateException(
          String.format(
              "Counts of %s do not reconcile: %d read != %d accepted + %d duplicates + %d quarantined",
              table, rowsRead, accepted, duplicates, quarantined()));
    }
    return this;
  }

  public static TableCounts empty(String table) {
    return new TableCounts(table, 0, 0, 0, Map.of());
  }
}
