package io.giftpay.spark;

import io.giftpay.config.GiftpayConfig;
import org.apache.spark.sql.SparkSession;

/** Builds Giftpay's Spark session from configuration: local by default, any master by config. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(GiftpayConfig config) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("giftpay")
            .master(config.get(GiftpayConfig.SPARK_MASTER, GiftpayConfig.SPARK_MASTER_DEFAULT))
            .config(
                "spark.sql.shuffle.partitions",
                config.getInt(GiftpayConfig.SHUFFLE_PARTITIONS, GiftpayConfig.SHUFFLE_PARTITIONS_DEFAULT))
            .config("spark.ui.enabled", config.getBoolean(GiftpayConfig.SPARK_UI, GiftpayConfig.SPARK_UI_DEFAULT))
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
    String master = config.get(GiftpayConfig.SPARK_MASTER, GiftpayConfig.SPARK_MASTER_DEFAULT);
    if (!master.startsWith("local")) {
      // Executors elsewhere need Giftpay's own classes (the payout calculator runs in them).
      String jars = giftpayJars();
      if (!jars.isEmpty() && config.getOrNull("spark.jars") == null) {
        builder.config("spark.jars", jars);
      }
    }
    config.sparkPassThrough().forEach(builder::config);
    return builder.getOrCreate();
  }

  /** The jars holding Giftpay's app and core classes, when running from jars. */
  static String giftpayJars() {
    java.util.List<String> jars = new java.util.ArrayList<>();
    for (Class<?> type : new Class<?>[] {SparkSessions.class, io.giftpay.payout.PayoutCalculator.class}) {
      java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation().getPath().endsWith(".jar")) {
        jars.add(source.getLocation().toString());
      }
    }
    return String.join(",", jars);
  }
}
