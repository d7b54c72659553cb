package io.giftpay.sample;

/**
 * File format of the generated ledger partitions.
 *
 * <ul>
 *   <li>{@link #PARQUET}: Parquet only. Rows with an unparseable value ({@code BAD_VALUE}) cannot
 *       be expressed in a typed Parquet column, so none are injected in this format.
 *   <li>{@link #CSV}: RFC 4180 CSV only.
 *   <li>{@link #MIXED}: every event partition holds one Parquet and one CSV file that split its
 *       rows; snapshot tables alternate between Parquet and CSV from one snapshot to the next.
 * </ul>
 */
public enum LedgerFormat {
  PARQUET,
  CSV,
  MIXED
}
