package io.giftpay.sample;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param out            the output folder
 * @param rowsByTable    rows written per table over all days (event tables: on-time, late, replayed
 *                       and broken rows; snapshot tables: rows of every snapshot written), in table order
 * @param brokenByReason broken rows injected per intended quarantine reason code, in the contract's
 *                       check order (every code listed, zero included)
 * @param replays        replayed rows written (a second copy of an event already written)
 * @param lateEvents     rows that landed in a partition later than their event_time's date (first copy)
 */
public record GenerationSummary(Path out, Map<String, Long> rowsByTable, Map<String, Long> brokenByReason,
                                long replays, long lateEvents) {

    public GenerationSummary {
        rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
        brokenByReason = Collections.unmodifiableMap(new LinkedHashMap<>(brokenByReason));
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
