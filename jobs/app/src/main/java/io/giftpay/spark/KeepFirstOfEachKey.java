package io.giftpay.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Keeps one row per key among tonight's valid rows: a replay landing twice in the same night counts
 * once, and a snapshot listing a key twice keeps one. The row kept is the first by source file,
 * then by every other column, so the choice never depends on how Spark split the input. Only keys
 * that occur more than once are sorted; the rest pass straight through.
 */
public final class KeepFirstOfEachKey implements Transform {
  private static final String RANK = "_rank";
  private static final String OCCURRENCES = "_occurrences";
  private static final String REPEATED_KEY = "_repeated_key";

  private final String keyColumn;

  /**
   * @param keyColumn {@code event_id} for events, the snapshot's key for snapshots
   */
  public KeepFirstOfEachKey(String keyColumn) {
    this.keyColumn = keyColumn;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> validRows) {
    // Renamed, so the join of the rows with their own repeated keys is not a self-join condition.
    Dataset<Row> repeatedKeys =
        validRows
            .groupBy(col(keyColumn))
            .agg(count(lit(1)).as(OCCURRENCES))
            .filter(col(OCCURRENCES).gt(1))
            .select(col(keyColumn).as(REPEATED_KEY));
    Dataset<Row> once =
        validRows.join(repeatedKeys, col(keyColumn).equalTo(col(REPEATED_KEY)), "left_anti");
    Dataset<Row> repeated =
        validRows.join(repeatedKeys, col(keyColumn).equalTo(col(REPEATED_KEY)), "left_semi");
    Dataset<Row> firstOfRepeated =
        repeated
            .withColumn(
                RANK,
                row_number().over(Window.partitionBy(col(keyColumn)).orderBy(order(validRows))))
            .filter(col(RANK).equalTo(1))
            .drop(RANK);
    return once.unionByName(firstOfRepeated);
  }

  private Column[] order(Dataset<Row> rows) {
    List<Column> order = new ArrayList<>();
    List<String> names = List.of(rows.columns());
    if (names.contains(ParseContractColumns.SOURCE_FILE)) {
      order.add(col(ParseContractColumns.SOURCE_FILE).asc_nulls_first());
    }
    for (String name : names) {
      if (!name.equals(keyColumn) && !name.equals(ParseContractColumns.SOURCE_FILE)) {
        order.add(col(name).asc_nulls_first());
      }
    }
    return order.toArray(Column[]::new);
  }
}
