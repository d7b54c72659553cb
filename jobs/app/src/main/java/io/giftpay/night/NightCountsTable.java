package io.giftpay.night;

import io.giftpay.ledger.RejectReason;
import io.giftpay.ledger.TableCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code night_counts} table: per ledger table read on D, rows read, accepted, duplicates
 * and quarantined, with one column per reject reason. {@code rows_read = accepted + duplicates
 * + quarantined} on every row.
 */
final class NightCountsTable {
  private NightCountsTable() {}

  static StructType schema() {
    StructType schema =
        new StructType()
            .add("source_table", DataTypes.StringType, false)
            .add("rows_read", DataTypes.LongType, false)
            .add("accepted", DataTypes.LongType, false)
            .add("duplicates", DataTypes.LongType, false)
            .add("quarantined", DataTypes.LongType, false);
    for (RejectReason reason : RejectReason.values()) {
      schema = schema.add(reason.name().toLowerCase(Locale.ROOT), DataTypes.LongType, false);
    }
    return schema;
  }

  static Dataset<Row> of(SparkSession spark, List<TableCounts> counts) {
    List<Row> rows = new ArrayList<>();
    for (TableCounts c : counts) {
      List<Object> values = new ArrayList<>(List.of(c.table(), c.rowsRead(), c.accepted(), c.duplicates(), c.quarantined()));
      for (RejectReason reason : RejectReason.values()) {
        values.add(c.quarantinedByReason().getOrDefault(reason, 0L));
      }
      rows.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(rows, schema());
  }
}
