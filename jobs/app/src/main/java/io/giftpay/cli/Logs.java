package io.giftpay.cli;

import io.giftpay.config.GiftpayConfig;
import java.nio.file.Path;

/**
 * Where the log file goes. Log4j reads {@code giftpay.log.file} when it first starts, so a command
 * points it at its warehouse before anything (Spark, Hadoop, Spring) logs.
 */
final class Logs {
  static final String PROPERTY = GiftpayConfig.LOG_FILE;

  private Logs() {}

  static void useFile(Path file) {
    if (System.getProperty(PROPERTY) == null) {
      file.getParent().toFile().mkdirs();
      System.setProperty(PROPERTY, file.toAbsolutePath().toString());
    }
  }

  static String file() {
    return System.getProperty(PROPERTY, GiftpayConfig.LOG_FILE_DEFAULT);
  }

  static void failure(Throwable e) {
    org.apache.logging.log4j.LogManager.getLogger("io.giftpay.cli").error("giftpay failed", e);
  }
}
