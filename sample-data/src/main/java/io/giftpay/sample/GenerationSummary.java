package io.giftpay.sample;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param out the output folder
 * @param rowsByTable rows written per table over all days (event tables: on-time, late, replayed
 *     and broken rows; snapshot tables: rows of every snapshot written), in table order
 * @param brokenByReason broken rows injected per intended quarantine reason code, in the contract's
 *     check order (every code listed, zero included)
 * @param replays replayed rows written (a second copy of an event already written)
 * @param lateEvents rows that landed in a partition later than their event_time's date (first copy)
 * @param patternRowsByTable rows added by injected patterns and look-alikes per event table
 *     (included in rowsByTable; never late, replayed or broken)
 * @param labels rows written to {@code _truth/labels.csv}
 * @param lookalikes rows written to {@code _truth/lookalikes.csv}
 */
public record GenerationSummary(
    Path out,
    Map<String, Long> rowsByTable,
    Map<String, Long> brokenByReason,
    long replays,
    long lateEvents,
    Map<String, Long> patternRowsByTable,
    long labels,
    long lookalikes) {

  public GenerationSummary {
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    brokenByReason = Collections.unmodifiableMap(new LinkedHashMap<>(brokenByReason));
    patternRowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(patternRowsByTable));
  }

  /** Rows of one event table added by injected patterns and look-alikes (0 if none). */
  public long patternRows(String table) {
    return patternRowsByTable.getOrDefault(table, 0L);
  }

  /** Rows written for one table (0 if unknown). */
  public long rows(String table) {
    return rowsByTable.getOrDefault(table, 0L);
  }

  /** All broken rows injected. */
  public long brokenTotal() {
    return brokenByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
