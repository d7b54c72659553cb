package io.giftpay.sample;

import java.io.Closeable;
import java.io.IOException;

/**
 * One output file of ledger rows (Parquet or CSV). A row is an {@code Object[]} in the contract's
 * column order ({@link io.giftpay.ledger.LedgerTable#columns()}), with values by {@link
 * io.giftpay.ledger.ColumnType}: STRING → {@link String}, TIMESTAMP → {@link Long} epoch
 * milliseconds UTC, DATE → {@link java.time.LocalDate}, DECIMAL_18_2 and DECIMAL_18_8 → {@link
 * java.math.BigDecimal}, BOOLEAN → {@link Boolean}, INT → {@link Integer}, LONG → {@link Long};
 * {@code null} is a missing value.
 */
interface RowFile extends Closeable {
  void write(Object[] row) throws IOException;

  long rows();
}
