package io.giftpay.sample;

import java.io.Closeable;
import java.io.IOException;

/** One output file of ledger rows (Parquet or CSV). */
interface RowFile extends Closeable {
    void write(Object[] row) throws IOException;

    long rows();
}
