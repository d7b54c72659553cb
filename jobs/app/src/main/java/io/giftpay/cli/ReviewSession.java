package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.night.NightRecords;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.payout.PayoutPolicyFile;
import io.giftpay.review.ReviewBook;
import io.giftpay.spark.SparkSessions;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/**
 * What every {@code giftpay review} command opens: the warehouse, its newest night, a Spark
 * session.
 */
final class ReviewSession implements AutoCloseable {
  final GiftpayConfig config;
  final PayoutPolicy policy;
  final WarehouseLayout layout;
  final WarehouseFiles files;
  final SparkSession spark;
  final ReviewBook book;
  private final boolean ownSession;

  ReviewSession(Path warehouse, GiftpayConfig config) {
    if (!Files.isDirectory(warehouse)) {
      throw new IllegalArgumentException("Invalid --warehouse: " + warehouse + " (no such folder)");
    }
    Path root = warehouse.toAbsolutePath().normalize();
    Logs.useFile(root.resolve("_giftpay/logs/giftpay.log"));
    this.config = config;
    this.policy = PayoutPolicyFile.load(config.policyFile());
    this.layout = new WarehouseLayout(new org.apache.hadoop.fs.Path(root.toString()));
    this.ownSession = SparkSession.getActiveSession().isEmpty();
    this.spark = SparkSessions.create(config);
    this.files = new WarehouseFiles(layout.root(), spark.sparkContext().hadoopConfiguration());
    LocalDate night =
        new NightRecords(layout, files)
            .completed().stream()
                .reduce((a, b) -> b)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Invalid --warehouse: "
                                + root
                                + " has no completed night; nothing to review"));
    this.book = new ReviewBook(spark, layout, files, policy, night);
  }

  @Override
  public void close() {
    if (ownSession) {
      spark.stop();
    }
  }
}
