package io.giftpay.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One named stage of the night: a {@code Dataset<Row> -> Dataset<Row>} function. Extra inputs
 * (accounts, the catalogue, the policy) are given to the constructor, so a test builds the
 * transform with a few in-memory rows and calls {@link #apply}.
 */
public interface Transform {
  Dataset<Row> apply(Dataset<Row> input);
}
