package io.giftpay.night;

import io.giftpay.ledger.RejectReason;
import io.giftpay.ledger.TableCounts;
import io.giftpay.warehouse.PublishedTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code night_counts} table: per ledger table read on D, rows read, accepted, duplicates and
 * quarantined, with one column per reject reason, then the rows read from late files. {@code
 * rows_read = accepted + duplicates + quarantined} on every row.
 */
final class NightCountsTable {
  private NightCountsTable() {}

  /**
   * As {@link PublishedTables#NIGHT_COUNTS} defines it: the counts, then one column per reason in
   * declaration order.
   */
  static StructType schema() {
    return PublishedTables.NIGHT_COUNTS.schema();
  }

  /**
   * One row per table counted; {@code lateRows}: of its rows read, those from files that landed
   * late (absent: none).
   */
  static Dataset<Row> of(SparkSession spark, List<TableCounts> counts, Map<String, Long> lateRows) {
    List<Row> rows = new ArrayList<>();
    for (TableCounts c : counts) {
      List<Object> values =
          new ArrayList<>(
              List.of(c.table(), c.rowsRead(), c.accepted(), c.duplicates(), c.quarantined()));
      for (RejectReason reason : RejectReason.values()) {
        values.add(c.quarantinedByReason().getOrDefault(reason, 0L));
      }
      values.add(lateRows.getOrDefault(c.table(), 0L));
      rows.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(rows, schema());
  }
}
