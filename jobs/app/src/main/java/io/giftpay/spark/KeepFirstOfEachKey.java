package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Keeps one row per key among tonight's valid rows: a replay landing twice in the same night
 * counts once, and a snapshot listing a key twice keeps one. The row kept is the first by source file and record text, so the
 * choice never depends on how Spark happened to split the input.
 */
public final class KeepFirstOfEachKey implements Transform {
  private static final String RANK = "_rank";

  private final String keyColumn;

  /** @param keyColumn {@code event_id} for events, the snapshot's key for snapshots */
  public KeepFirstOfEachKey(String keyColumn) {
    this.keyColumn = keyColumn;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> validRows) {
    return validRows
        .withColumn(
            RANK,
            row_number()
                .over(
                    Window.partitionBy(col(keyColumn))
                        .orderBy(col(ParseContractColumns.SOURCE_FILE), col(ParseContractColumns.RECORD))))
        .filter(col(RANK).equalTo(1))
        .drop(RANK);
  }
}
