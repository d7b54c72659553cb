package io.giftpay.sample;

import io.giftpay.ledger.LedgerTable;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pluggable unit that injects a behaviour (typically a fraud pattern) into the generated ledger:
 * it may add accounts, add events to any event table's daily partitions, and label the accounts it
 * involves (written to {@code _truth/labels.csv} as account_id, role, pattern).
 *
 * <p>Implementations must be deterministic: draw randomness only from {@link
 * PatternContext#rng(String, int)} and take new account ids from {@link
 * PatternContext#newAccountId(long)}. Rows are {@code Object[]} in the table's column order with
 * the value types documented on {@link RowFile} (an {@link java.time.Instant} is also accepted for
 * a timestamp). Pattern events land as given: they are not made late, replayed or broken by the
 * generator.
 */
public interface InjectedPattern {

  /** Short name, the {@code pattern} column of labels.csv. */
  String name();

  /** Accounts this pattern adds to the population. */
  default List<PatternAccount> accounts(PatternContext ctx) {
    return List.of();
  }

  /** Adds events to partition {@code dt = day} of an event table. */
  default void events(PatternContext ctx, LedgerTable table, int day, Consumer<Object[]> sink) {}

  /** The accounts to label as involved in this pattern. */
  default List<Label> labels(PatternContext ctx) {
    return List.of();
  }

  /**
   * Innocent accounts this unit adds that look like a pattern (written to {@code
   * _truth/lookalikes.csv}, never to labels.csv).
   */
  default List<Lookalike> lookalikes(PatternContext ctx) {
    return List.of();
  }

  /** Number of instances injected (e.g. rings, farms, victims); -1 if not meaningful. */
  default int instances(PatternContext ctx) {
    return -1;
  }

  /** One line saying what the injected data looks like (for {@code _truth/README.md}). */
  default String description() {
    return "";
  }
}
