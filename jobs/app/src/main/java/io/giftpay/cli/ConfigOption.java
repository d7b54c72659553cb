package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin {@code --config FILE}: the settings a command runs with. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "a properties file of giftpay.* and spark.* settings over the embedded defaults"
              + " (-Dgiftpay.* and -Dspark.* JVM properties win over the file)")
  Path file;

  /** The defaults, then the file, then the JVM's giftpay.* and spark.* properties. */
  GiftpayConfig load() {
    return GiftpayConfig.load(file);
  }
}
