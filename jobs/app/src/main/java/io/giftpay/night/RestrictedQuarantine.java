package io.giftpay.night;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;

import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The quarantined rows as they came, personal columns included, for the data steward and {@code
 * review show}: {@code <warehouse>/_giftpay/restricted/quarantine/dt=D/}, outside the published
 * tables. Staged with the night and moved by publish like the other kept areas ({@link
 * DetectNight#keptAreas}); folders {@code rwx------} and files {@code rw-------} on a local file
 * system (elsewhere the store's own access control must restrict it).
 */
public final class RestrictedQuarantine {
  static final String AREA = "restricted";
  static final String NAME = "quarantine";

  /**
   * The published quarantine's columns, with the original record and the accounts the row names.
   */
  static final StructType SCHEMA =
      StructType.fromDDL(
          "source_table string, source_file string, event_id string, reason string, detail string, record string,"
              + " account_ids array<string>, business_date date");

  private final SparkSession spark;
  private final WarehouseLayout warehouse;
  private final WarehouseFiles files;

  public RestrictedQuarantine(SparkSession spark, WarehouseLayout warehouse, WarehouseFiles files) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.files = files;
  }

  /**
   * Every raw quarantined row of every published night that names the account (its user_id,
   * sender_id or creator_id), oldest night first.
   */
  public Dataset<Row> rowsFor(String accountId) {
    List<String> nights =
        files.subfolders(root(warehouse), "dt=").stream().map(Path::toString).toList();
    if (nights.isEmpty()) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    return spark
        .read()
        .schema(SCHEMA)
        .parquet(nights.toArray(String[]::new))
        .filter(array_contains(col("account_ids"), accountId))
        .orderBy("business_date", "source_table", "source_file", "event_id");
  }

  static Path root(WarehouseLayout warehouse) {
    return warehouse.kept(AREA, NAME, LocalDate.EPOCH).getParent();
  }

  static Path staged(NightContext context) {
    return context.warehouse().stagedKept(context.night(), AREA, NAME);
  }

  /** After publish: the whole restricted area, folders and files, readable by the owner only. */
  static void ownerOnlyAfterPublish(NightContext context) {
    ownerOnly(context, root(context.warehouse()).getParent());
  }

  /**
   * Folders under {@code dir} (itself included) {@code rwx------}, files {@code rw-------}, with
   * java.nio on a local file system; on any other file system only a log line.
   */
  static void ownerOnly(NightContext context, Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(context.spark().sparkContext().hadoopConfiguration());
      if (!"file".equals(fs.getScheme())) {
        context
            .progress()
            .line(
                "[%s] %s is on %s, not a local file system: its permissions are the store's access control",
                IngestNight.STEP, dir, fs.getScheme());
        return;
      }
      java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(dir).toUri());
      if (!Files.exists(local)) {
        return;
      }
      try (Stream<java.nio.file.Path> paths = Files.walk(local)) {
        for (java.nio.file.Path path : paths.toList()) {
          Files.setPosixFilePermissions(
              path,
              PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot make " + dir + " readable by its owner only: " + e.getMessage(), e);
    }
  }
}
