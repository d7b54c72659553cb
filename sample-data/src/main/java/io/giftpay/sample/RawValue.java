package io.giftpay.sample;

/**
 * A value written verbatim into a CSV field, whatever the column type: used for deliberately
 * unparseable values ({@code BAD_VALUE} rows) and for spelling variants such as {@code TRUE}.
 * Cannot be written to Parquet.
 */
record RawValue(String text) {}
