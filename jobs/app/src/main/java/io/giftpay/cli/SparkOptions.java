package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Mixin for a command that starts Spark: {@code --config FILE} and {@code --master URL}. */
final class SparkOptions {
  @Mixin ConfigOption configFile;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. spark://host:7077 (default: the setting "
              + GiftpayConfig.SPARK_MASTER
              + ", else "
              + GiftpayConfig.SPARK_MASTER_DEFAULT
              + ")")
  String master;

  /** The settings of {@link ConfigOption#load()}, with {@code --master} over them. */
  GiftpayConfig config() {
    GiftpayConfig config = configFile.load();
    return master == null ? config : config.with(GiftpayConfig.SPARK_MASTER, master);
  }
}
