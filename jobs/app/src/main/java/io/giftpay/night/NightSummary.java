package io.giftpay.night;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * What a night did, as finance reads it: rows in, creators credited, money out, balances carried.
 * Written as JSON into the night's record at publish, and printed by the CLI. Amounts are decimal
 * strings, never floating point.
 */
public record NightSummary(
    String night,
    int policyVersion,
    List<Ingested> ingest,
    long creatorsCredited,
    long diamondsCredited,
    long payouts,
    String payoutsUsd,
    List<CurrencyTotal> payoutsByCurrency,
    long creatorsWithBalance,
    Map<String, Long> creatorsByStatus,
    long creatorsCarried,
    long diamondsCarried,
    String carriedUsd,
    long diamondsHeld,
    Map<String, Long> flagsBySource,
    long holdsPlaced,
    long diamondsHeldTonight,
    long diamondsPending) {

  /** One ledger table's counts on the night. */
  public record Ingested(
      String table,
      long rowsRead,
      long accepted,
      long duplicates,
      long quarantined,
      Map<String, Long> quarantinedByReason) {}

  /** Payouts in one currency. */
  public record CurrencyTotal(String currency, long payouts, String amount, String amountUsd) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the night summary as JSON", e);
    }
  }

  public static NightSummary fromJson(String json) {
    try {
      return JSON.readValue(json, NightSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a night summary: " + e.getOriginalMessage(), e);
    }
  }

  /** The summary as the lines a person reads at the end of a night. */
  public List<String> lines() {
    java.util.ArrayList<String> lines = new java.util.ArrayList<>();
    lines.add("Night " + night + " (payout policy v" + policyVersion + ")");
    lines.add(
        String.format(
            "  %-11s %12s %12s %11s %12s",
            "ledger", "rows read", "accepted", "duplicates", "quarantined"));
    for (Ingested t : ingest) {
      lines.add(
          String.format(
              "  %-11s %,12d %,12d %,11d %,12d",
              t.table(), t.rowsRead(), t.accepted(), t.duplicates(), t.quarantined()));
    }
    ingest.stream()
        .flatMap(
            t ->
                t.quarantinedByReason().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> Map.entry(t.table() + " " + e.getKey(), e.getValue())))
        .forEach(
            e -> lines.add(String.format("    quarantined %-40s %,d", e.getKey(), e.getValue())));
    lines.add(
        String.format(
            "  creators credited: %,d (%,d diamonds)", creatorsCredited, diamondsCredited));
    lines.add(String.format("  payouts: %,d, total USD %s", payouts, payoutsUsd));
    for (CurrencyTotal c : payoutsByCurrency) {
      lines.add(
          String.format(
              "    %-4s %,8d payouts %18s %s (USD %s)",
              c.currency(), c.payouts(), c.amount(), c.currency(), c.amountUsd()));
    }
    lines.add(
        String.format(
            "  balances: %,d creators; carried to next night: %,d creators, %,d diamonds (USD %s); pending (not cleared): %,d diamonds; held: %,d diamonds",
            creatorsWithBalance,
            creatorsCarried,
            diamondsCarried,
            carriedUsd,
            diamondsPending,
            diamondsHeld));
    creatorsByStatus.forEach((status, n) -> lines.add(String.format("    %-24s %,d", status, n)));
    if (flagsBySource != null) {
      lines.add(
          String.format(
              "  flags: %,d; holds placed: %,d (%,d diamonds)",
              flagsBySource.values().stream().mapToLong(Long::longValue).sum(),
              holdsPlaced,
              diamondsHeldTonight));
      flagsBySource.forEach((source, n) -> lines.add(String.format("    %-40s %,d", source, n)));
    }
    return lines;
  }
}
