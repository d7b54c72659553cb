package io.giftpay.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local[2] Spark session per test class with production's settings that decide values (UTC
 * session time zone, java.time values; ANSI mode is Spark 4's default in both), not its tuning: two
 * shuffle partitions so a five-row test does not run 200 tasks, and none of {@link SparkSessions}'
 * adaptive, broadcast, compression or output-committer settings nor the small-night settings. Tests
 * that need production's session run the command line, which builds it.
 */
public abstract class SparkTestBase {
  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("giftpay-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.ui.showConsoleProgress", "false")
            // As production's local sessions: one JVM shares one file system per scheme, so the
            // tests' files are made the way the nights' are.
            .config(SparkSessions.LOCAL_FILE_SYSTEM_KEY, ForklessLocalFileSystem.class.getName())
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
    spark = null;
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  protected static Dataset<Row> rows(StructType schema, Object[]... values) {
    return spark.createDataFrame(List.of(values).stream().map(RowFactory::create).toList(), schema);
  }

  protected static Dataset<Row> rows(String ddl, Object[]... values) {
    return rows(StructType.fromDDL(ddl), values);
  }

  protected static Object[] row(Object... values) {
    return values;
  }
}
