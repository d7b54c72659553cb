package io.giftpay.spark;

import io.giftpay.config.GiftpayConfig;
import org.apache.spark.sql.SparkSession;

/** Builds Giftpay's Spark session from configuration: local by default, any master by config. */
public final class SparkSessions {
  /** Hadoop's class for {@code file:} paths, set under a local master. */
  public static final String LOCAL_FILE_SYSTEM_KEY = "spark.hadoop.fs.file.impl";

  private SparkSessions() {}

  public static SparkSession create(GiftpayConfig config) {
    String master = master(config);
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("giftpay")
            .config(
                "spark.sql.shuffle.partitions",
                config.getInt(
                    GiftpayConfig.SHUFFLE_PARTITIONS, GiftpayConfig.SHUFFLE_PARTITIONS_DEFAULT))
            .config(
                "spark.ui.enabled",
                config.getBoolean(GiftpayConfig.SPARK_UI, GiftpayConfig.SPARK_UI_DEFAULT))
            // Money and event times are UTC by contract; never the machine's zone.
            .config("spark.sql.session.timeZone", "UTC")
            // Dates and times as java.time values (LocalDate, Instant) in rows and literals.
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.adaptive.enabled", "true")
            // Accounts and creator balances are broadcast-sized up to tens of MB.
            .config("spark.sql.autoBroadcastJoinThreshold", "64m")
            // Outputs are renamed and published by Giftpay itself, not by _SUCCESS markers.
            .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
            .config("spark.sql.parquet.compression.codec", "snappy");
    if (master.startsWith("local")) {
      // Everything runs in this JVM: file modes set in-process, not by a chmod process per file.
      builder.config(LOCAL_FILE_SYSTEM_KEY, ForklessLocalFileSystem.class.getName());
    } else {
      // Executors elsewhere need the classes their tasks run: Giftpay's own (the payout calculator)
      // and Smile's (the night's Isolation Forest is broadcast to them). spark-submit sets
      // spark.jars to the application jar, which holds them all.
      String jars = executorJars();
      if (!jars.isEmpty() && config.getOrNull("spark.jars") == null) {
        builder.config("spark.jars", jars);
      }
    }
    config.sparkPassThrough().forEach(builder::config);
    // After the spark.* settings: --master (giftpay.spark.master) wins over spark-submit's
    // spark.master.
    builder.master(master);
    return builder.getOrCreate();
  }

  /**
   * {@code giftpay.spark.master} ({@code --master}), else {@code spark.master} (what {@code
   * spark-submit --master} sets), else {@code local[*]}.
   */
  static String master(GiftpayConfig config) {
    String master = config.getOrNull(GiftpayConfig.SPARK_MASTER);
    if (master == null) {
      master = config.getOrNull("spark.master");
    }
    return master == null ? GiftpayConfig.SPARK_MASTER_DEFAULT : master;
  }

  /**
   * The jars, when running from jars, that hold the classes executors load: Giftpay's app and core,
   * Smile's forest and the maths it uses. One jar (the application jar) appears once.
   */
  static String executorJars() {
    java.util.Set<String> jars = new java.util.LinkedHashSet<>();
    for (Class<?> type :
        new Class<?>[] {
          SparkSessions.class,
          io.giftpay.payout.PayoutCalculator.class,
          smile.anomaly.IsolationForest.class,
          smile.math.MathEx.class
        }) {
      java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation().getPath().endsWith(".jar")) {
        jars.add(source.getLocation().toString());
      }
    }
    return String.join(",", jars);
  }
}
