package io.giftpay.sample;

import io.giftpay.ledger.LedgerTable;

/**
 * An account added by an {@link InjectedPattern}.
 *
 * @param firstSnapshotDay day index from which the account is in the accounts snapshots (0 = from
 *     the first); it only shows up in a snapshot written on or after that day, so events using it
 *     should not land before the first such snapshot
 * @param row the accounts row, in {@link LedgerTable#ACCOUNTS} column order and types
 */
public record PatternAccount(int firstSnapshotDay, Object[] row) {
  public PatternAccount {
    if (row == null || row.length != LedgerTable.ACCOUNTS.columns().size()) {
      throw new IllegalArgumentException(
          "An accounts row has " + LedgerTable.ACCOUNTS.columns().size() + " values");
    }
  }
}
