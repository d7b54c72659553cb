package io.giftpay.night;

import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.warehouse.WarehouseFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Reads accepted events, staged or kept, with an empty typed result where there are none. */
final class AcceptedEvents {
  static final String EVENT_DATE = "event_date";
  static final String NIGHT = "night";

  private AcceptedEvents() {}

  /** The contract's typed columns plus {@code event_date}. */
  static StructType schema(LedgerTable table) {
    String ddl =
        table.columns().stream()
            .map(ContractColumn::name)
            .map(name -> "`" + name + "` " + sqlType(table, name))
            .collect(Collectors.joining(", "));
    return StructType.fromDDL(ddl + ", `" + EVENT_DATE + "` date");
  }

  private static String sqlType(LedgerTable table, String name) {
    return table.columns().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow()
        .type()
        .sqlType();
  }

  /** Tonight's staged accepted events of one table (written partitioned by event_date). */
  /** Tonight's accepted events of a table, as ingest staged them. */
  static Dataset<Row> tonight(NightContext context, LedgerTable table) {
    return staged(
        context.spark(),
        context.files(),
        context.warehouse().stagedEvents(context.night(), table.tableName()),
        table);
  }

  static Dataset<Row> staged(
      SparkSession spark, WarehouseFiles files, Path dir, LedgerTable table) {
    if (files.subfolders(dir, EVENT_DATE + "=").isEmpty()) {
      return spark.createDataFrame(List.of(), schema(table));
    }
    return spark
        .read()
        .schema(schema(table))
        .option("basePath", dir.toString())
        .parquet(dir.toString());
  }

  /**
   * Earlier nights' kept events under {@code root/event_date=E/night=N/} for the given leaf
   * folders.
   */
  static Dataset<Row> kept(
      SparkSession spark, Path root, List<Path> leafFolders, LedgerTable table) {
    if (leafFolders.isEmpty()) {
      return spark.createDataFrame(List.of(), schema(table));
    }
    List<String> paths = new ArrayList<>();
    leafFolders.forEach(p -> paths.add(p.toString()));
    return spark.read().option("basePath", root.toString()).parquet(paths.toArray(String[]::new));
  }
}
